package dev.fairlead.routing;

import java.time.Instant;
import java.util.List;

/**
 * A rebalancing proposal: objective (expected conversions) before and after, the unconstrained
 * upper bound, and each move with its gain. Status PROPOSED, then APPLIED or DISCARDED.
 */
public record RebalanceProposal(long id, Long teamId, String status, double guardMultiple, double movePenalty, boolean requireSkill,
        int leads, int reps, double objectiveBefore, double objectiveAfter, double upperBound, long solveMillis, String createdBy,
        Instant createdAt, String decidedBy, Instant decidedAt, List<ProposedMove> moves) {

    public double gain() {
        return objectiveAfter - objectiveBefore;
    }

    /** One lead to move; {@code status} PROPOSED, APPLIED or SKIPPED (with the reason). */
    public record ProposedMove(long id, long leadId, String company, long fromRepId, String fromRep, long toRepId, String toRep,
            double gain, String status, String skipReason) {}
}
