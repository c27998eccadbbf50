package dev.fairlead.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a subscription's delivery log: an event to send (PENDING), sent and answered with a 2xx
 * (DELIVERED), or given up after 24 hours of retries (FAILED). {@code replayOf} names the delivery an
 * admin replayed; the replay carries the same event id.
 */
public record WebhookDelivery(long id, long subscriptionId, UUID eventId, String eventType, String status, int attempts,
        Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
        Instant deliveredAt, Long replayOf) {}
