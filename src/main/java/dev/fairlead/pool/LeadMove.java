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
        String reason) {

    /** Who or which pool had the lead before: the rep, else "—" (it came from a pool or was new). */
    public String fromLabel() {
        return fromRepName != null ? fromRepName : "—";
    }

    /** Who or which pool has it after the move. */
    public String toLabel() {
        return toRepName != null ? toRepName : toPoolName != null ? toPoolName : "—";
    }
}
