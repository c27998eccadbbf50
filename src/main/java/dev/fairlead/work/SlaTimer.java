package dev.fairlead.work;

import java.time.Duration;
import java.time.Instant;

/** The first-contact clock of one assignment. */
public record SlaTimer(
        long id,
        long leadId,
        String leadLabel,
        long repId,
        String repName,
        long teamId,
        Instant assignedAt,
        Instant dueAt,
        SlaStatus status,
        Instant metAt,
        Instant remindedAt,
        Instant breachedAt,
        Instant escalatedAt,
        Instant reassignedAt,
        boolean autoReassign) {

    /** Time left until the deadline (negative when past). */
    public Duration remainingAt(Instant now) {
        return Duration.between(now, dueAt);
    }

    public long minutesLeftAt(Instant now) {
        return remainingAt(now).toMinutes();
    }
}
