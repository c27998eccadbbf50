package dev.fairlead.pool;

import java.time.Instant;

/** One change of hands of a lead: from an owner or pool to an owner or pool, who did it and why. */
public record LeadMove(
        long id,
        long leadId,
        Instant at,
        MoveCause cause,
        Long fromRepId,
        String fromRepName,
        Long toRepId,
        String toRepName,
        Long toPoolId,
        String toPoolName,
        String actor,
        String reason) {}
