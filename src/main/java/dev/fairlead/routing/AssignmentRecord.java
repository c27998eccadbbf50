package dev.fairlead.routing;

import dev.fairlead.routing.domain.Explanation;
import java.time.Instant;

/**
 * One assignment of a lead with its explanation (null for manual ones: {@code reason} says why).
 * {@code outcome} is ASSIGNED (to {@code repId}) or POOLED (to {@code poolId}, null = default pool).
 */
public record AssignmentRecord(long id, long leadId, AssignmentKind kind, Explanation.Outcome outcome, Long repId,
        String repName, Long previousRepId, Long poolId, Long ruleSetId, Integer ruleSetVersion, String ruleKey,
        String reason, String actor, int attempts, Instant decidedAt, Explanation explanation) {}
