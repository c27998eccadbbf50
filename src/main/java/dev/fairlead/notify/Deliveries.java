package dev.fairlead.notify;

import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.notify.persistence.NotificationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * Sends queued deliveries through their channels. Each delivery is locked with {@code SKIP LOCKED}
 * and marked in a transaction of its own, so nodes never send one delivery twice at the same time; a
 * failed send is retried with back-off (1, 2, 4 … minutes) and given up after {@value #MAX_ATTEMPTS} attempts;
 * a rate-limited one ({@link DeliveryDeferred}, or over its channel's {@link NotificationChannel#perMinute()})
 * waits without using an attempt. Messages to one address go out in the order they were queued: one
 * that waits holds back the later ones to the same address. Every attempt is logged ({@link DeliveryLog}).
 * A crash between sending and committing sends that one message again (at least once): one delivery
 * per transaction ({@value #BATCH}) so a node that dies re-sends at most the message it was sending,
 * not a batch of them into a team's group chat.
 */
@Service
public class Deliveries {

    static final int MAX_ATTEMPTS = 8;
    static final int BATCH = 1;
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

    /**
     * Sends this one delivery now (a robot's test message) unless it was sent already or another run
     * holds it; its log entry afterwards.
     */
    public Optional<DeliveryLog> deliverNow(long deliveryId, String channel, String address) {
        transactions.executeWithoutResult(status -> repository.lockPending(deliveryId)
                .ifPresent(d -> deliver(d, clock.instant(), new HashMap<>())));
        return log(channel, address, 50).stream().filter(l -> l.id() == deliveryId).findFirst();
    }

    /** The newest deliveries to one address of a channel (a robot's delivery log). */
    public List<DeliveryLog> log(String channel, String address, int limit) {
        return repository.log(channel, address, limit);
    }

    /** One locked batch; -1 when nothing was due. */
    private int deliverBatch() {
        Instant now = clock.instant();
        List<NotificationRepository.Delivery> due = repository.lockDue(now, BATCH);
        if (due.isEmpty()) {
            return -1;
        }
        int sent = 0;
        Map<String, Instant> held = new HashMap<>();
        for (NotificationRepository.Delivery d : due) {
            Instant heldUntil = held.get(d.channel() + " " + d.address());
            if (heldUntil != null) {
                repository.postpone(d.id(), heldUntil, null);
            } else if (deliver(d, now, held)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Tries one delivery and records the attempt. When it does not go out, later deliveries to the
     * same address in this batch wait as long as it does ({@code held}), so a robot's messages keep their order.
     */
    private boolean deliver(NotificationRepository.Delivery d, Instant now, Map<String, Instant> held) {
        NotificationChannel channel = channels.get(d.channel());
        String key = d.channel() + " " + d.address();
        try {
            if (channel == null) {
                throw new IllegalStateException("No channel named " + d.channel() + " on this node");
            }
            if (channel.perMinute() > 0) {
                Optional<Instant> until = repository.throttledUntil(d.channel(), d.address(), now, channel.perMinute());
                if (until.isPresent()) {
                    throw new DeliveryDeferred(Duration.between(now, until.get()),
                            "Waiting: at most " + channel.perMinute() + " messages a minute");
                }
            }
            Locale locale = Locale.forLanguageTag(d.locale());
            Recipient recipient = new Recipient(d.userId(), d.name(), d.address(), locale, null, null);
            channel.deliver(d.address(), recipient, new Message(d.notificationId(), d.kind(), d.title(), d.body(),
                    d.link() == null ? null : baseUrl + d.link(), d.mention()));
            repository.sent(d.id(), now);
            repository.attempted(d.id(), now, "SENT", null);
            return true;
        } catch (DeliveryDeferred e) {
            Instant until = now.plus(e.after().isNegative() ? Duration.ZERO : e.after());
            log.info("Delivery {} over {} deferred until {}: {}", d.id(), d.channel(), until, e.getMessage());
            repository.postpone(d.id(), until, e.getMessage());
            repository.attempted(d.id(), now, "DEFERRED", e.getMessage());
            hold(d, key, until, held);
        } catch (Exception e) {
            boolean giveUp = e instanceof DeliveryRefused || d.attempts() + 1 >= MAX_ATTEMPTS;
            log.warn("Delivery {} over {} failed (attempt {}){}", d.id(), d.channel(), d.attempts() + 1,
                    giveUp ? "; giving up" : "", e);
            Instant retry = now.plus(Duration.ofMinutes(1L << Math.min(d.attempts(), 10)));
            repository.failed(d.id(), e.getMessage(), retry, giveUp);
            repository.attempted(d.id(), now, "FAILED", e.getMessage());
            if (!giveUp) {
                hold(d, key, retry, held);
            }
        }
        return false;
    }

    private void hold(NotificationRepository.Delivery d, String key, Instant until, Map<String, Instant> held) {
        held.put(key, until);
        repository.holdBehind(d.channel(), d.address(), d.id(), until);
    }
}
