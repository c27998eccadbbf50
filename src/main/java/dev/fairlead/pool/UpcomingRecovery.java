package dev.fairlead.pool;

import java.time.Instant;

/**
 * An owned lead that a pool will take back soon unless someone acts: which rule, when, and whether
 * its owner has been warned (the warning period has begun).
 *
 * @param kind {@code NO_FOLLOW_UP} or {@code NO_DEAL}
 */
public record UpcomingRecovery(long leadId, String lead, long ownerRepId, String ownerName, long poolId, String kind,
        Instant dueAt, boolean warningPeriod) {}
