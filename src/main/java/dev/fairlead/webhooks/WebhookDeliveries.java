package dev.fairlead.webhooks;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.webhooks.persistence.WebhookRepository;
import dev.fairlead.webhooks.persistence.WebhookRepository.Due;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued webhook deliveries, at least once: each batch is locked with {@code SKIP LOCKED} and
 * marked in the same transaction, so two nodes never send one delivery at the same time, and a crash
 * between sending and committing sends it again (receivers de-duplicate by the event id). A refused
 * answer (anything but 2xx, redirects included: they are never followed) or no answer is retried after
 * 1, 2, 4 … minutes (at most {@link #MAX_DELAY} apart) until {@link #GIVE_UP_AFTER} after the event;
 * then the delivery is FAILED, its subscription FAILING and the subscription's owner told in the inbox.
 */
@Service
public class WebhookDeliveries {

    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    static final Duration MAX_DELAY = Duration.ofHours(2);
    private static final int BATCH = 10;
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final WebhookRepository repository;
    private final WebhookTargets targets;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final JobRunner jobs;
    private final Clock clock;
    private final HttpClient http;
    private final Duration requestTimeout;

    WebhookDeliveries(WebhookRepository repository, WebhookTargets targets, Notifications notifications,
            TransactionTemplate transactions, JobRunner jobs, Clock clock,
            @Value("${fairlead.webhooks.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${fairlead.webhooks.request-timeout:PT10S}") Duration requestTimeout) {
        this.repository = repository;
        this.targets = targets;
        this.notifications = notifications;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.webhooks.interval:PT30S}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "webhook-deliveries", lockAtMostFor = "PT10M")
    void scheduled() {
        jobs.run("webhook-deliveries", this::deliverDue);
    }

    /** Sends every delivery that is due now; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        while (true) {
            Integer batch = transactions.execute(status -> deliverBatch());
            if (batch == null || batch < 0) {
                return delivered;
            }
            delivered += batch;
        }
    }

    /** One locked batch; -1 when nothing was due. */
    private int deliverBatch() {
        Instant now = clock.instant();
        List<Due> due = repository.lockDue(now, BATCH);
        if (due.isEmpty()) {
            return -1;
        }
        int delivered = 0;
        for (Due d : due) {
            Attempt attempt = send(d, now);
            if (attempt.ok()) {
                repository.delivered(d.id(), attempt.status(), now);
                repository.markActive(d.subscriptionId());
                delivered++;
            } else {
                failed(d, attempt, now);
            }
        }
        return delivered;
    }

    private void failed(Due d, Attempt attempt, Instant now) {
        Instant deadline = d.createdAt().plus(GIVE_UP_AFTER);
        boolean giveUp = !now.isBefore(deadline);
        Duration delay = Duration.ofMinutes(1L << Math.min(d.attempts(), 20));
        Instant retry = delay.compareTo(MAX_DELAY) > 0 ? now.plus(MAX_DELAY) : now.plus(delay);
        retry = retry.isAfter(deadline) ? deadline : retry;
        log.warn("Webhook delivery {} to subscription {} failed (attempt {}): {}{}", d.id(), d.subscriptionId(), d.attempts() + 1,
                attempt.error(), giveUp ? "; giving up" : "");
        repository.failed(d.id(), attempt.status(), attempt.error(), now, retry, giveUp);
        if (giveUp && repository.markFailing(d.subscriptionId(), now)) {
            notifications.toUser(d.ownerUserId(), Notice.of("webhookFailing", "/admin/outbound-webhooks/" + d.subscriptionId(),
                    d.url(), d.attempts() + 1));
        }
    }

    private Attempt send(Due d, Instant now) {
        Optional<FieldProblem> refused = targets.refusal(d.url());
        if (refused.isPresent()) {
            return new Attempt(null, "target refused: " + refused.get().code()
                    + (refused.get().args().length > 0 ? " " + refused.get().args()[0] : ""));
        }
        String timestamp = String.valueOf(now.getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.url().trim()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Fairlead-Webhooks/1")
                .header("X-Fairlead-Event-Id", d.eventId().toString())
                .header("X-Fairlead-Delivery-Id", String.valueOf(d.id()))
                .header("X-Fairlead-Timestamp", timestamp)
                .header("X-Fairlead-Signature", WebhookSignature.sign(d.secret(), timestamp, d.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Attempt(status, null)
                    : new Attempt(status, status >= 300 && status < 400 ? "redirect not followed (HTTP " + status + ")" : "HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return new Attempt(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted");
        }
    }

    /** What one send came to: {@code status} null when there was no answer. */
    private record Attempt(Integer status, String error) {
        boolean ok() {
            return error == null;
        }
    }
}
