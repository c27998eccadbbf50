package dev.fairlead.pool;

import java.time.Instant;

/**
 * A lead's owner was warned that the lead goes back to its pool at {@code dueAt} unless they act;
 * {@code kind} is {@code NO_FOLLOW_UP} or {@code NO_DEAL}, {@code days} the rule's limit.
 */
public record RecoveryWarned(long leadId, String leadLabel, long repId, String kind, int days, Instant dueAt) {}
