package dev.fairlead.notify;

import java.time.Instant;
import java.util.List;

/**
 * One queued message as its channel's delivery log shows it: what it said, where it stands
 * ({@code PENDING}, {@code SENT}, {@code FAILED}), how often it was tried and every attempt with the
 * receiver's error text.
 */
public record DeliveryLog(long id, String kind, String title, String status, int attempts, String lastError,
        Instant createdAt, Instant nextAttemptAt, Instant sentAt, List<Attempt> history) {

    public DeliveryLog {
        history = List.copyOf(history);
    }

    /** One try: {@code SENT}, {@code FAILED} (will be retried unless the delivery is FAILED) or {@code DEFERRED} (rate limit). */
    public record Attempt(Instant at, String outcome, String error) {}
}
