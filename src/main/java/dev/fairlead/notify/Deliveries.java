package dev.fairlead.notify;

import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.notify.persistence.NotificationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued deliveries through their channels. Each batch is locked with {@code SKIP LOCKED}
 * and marked in the same transaction, so nodes never send one delivery twice at the same time; a
 * failed send is retried with back-off (1, 2, 4 … minutes) and given up after {@value #MAX_ATTEMPTS} attempts.
 * A crash between sending and committing sends that one message again (at least once).
 */
@Service
public class Deliveries {

    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final NotificationRepository repository;
    private final Map<String, NotificationChannel> channels;
    private final TransactionTemplate transactions;
    private final JobRunner jobs;
    private final Clock clock;
    private final String baseUrl;

    Deliveries(NotificationRepository repository, List<NotificationChannel> channels, TransactionTemplate transactions,
            JobRunner jobs, Clock clock, @Value("${fairlead.base-url:http://localhost:8080}") String baseUrl) {
        this.repository = repository;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.deliveries.interval:PT1M}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "notify-deliveries", lockAtMostFor = "PT10M")
    void scheduled() {
        jobs.run("notify-deliveries", this::deliverDue);
    }

    /** Sends every delivery that is due now; returns how many were sent. */
    public int deliverDue() {
        int sent = 0;
        while (true) {
            Integer batch = transactions.execute(status -> deliverBatch());
            if (batch == null || batch < 0) {
                return sent;
            }
            sent += batch;
        }
    }

    /** One locked batch; -1 when nothing was due. */
    private int deliverBatch() {
        Instant now = clock.instant();
        List<NotificationRepository.Delivery> due = repository.lockDue(now, 20);
        if (due.isEmpty()) {
            return -1;
        }
        int sent = 0;
        for (NotificationRepository.Delivery d : due) {
            NotificationChannel channel = channels.get(d.channel());
            try {
                if (channel == null) {
                    throw new IllegalStateException("No channel named " + d.channel() + " on this node");
                }
                Locale locale = Locale.forLanguageTag(d.locale());
                Recipient recipient = new Recipient(d.userId(), d.name(), d.address(), locale, null, null);
                channel.deliver(d.address(), recipient, new Message(d.notificationId(), d.kind(), d.title(), d.body(),
                        d.link() == null ? null : baseUrl + d.link()));
                repository.sent(d.id(), now);
                sent++;
            } catch (Exception e) {
                boolean giveUp = d.attempts() + 1 >= MAX_ATTEMPTS;
                log.warn("Delivery {} over {} failed (attempt {}){}", d.id(), d.channel(), d.attempts() + 1,
                        giveUp ? "; giving up" : "", e);
                repository.failed(d.id(), e.getMessage(), now.plus(Duration.ofMinutes(1L << Math.min(d.attempts(), 10))), giveUp);
            }
        }
        return sent;
    }
}
