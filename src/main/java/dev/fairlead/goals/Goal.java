package dev.fairlead.goals;

import dev.fairlead.common.Period;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A goal: a target (with optional base and stretch tiers) for a metric, an org unit and a period,
 * with an owner. {@code locked} marks a child adjusted by hand, which a re-split keeps.
 */
public record Goal(
        long id,
        Long parentId,
        GoalMetric metric,
        OrgUnit unit,
        Period period,
        BigDecimal target,
        BigDecimal base,
        BigDecimal stretch,
        String currency,
        long ownerUserId,
        String ownerName,
        SplitAxis splitAxis,
        SplitMethod splitMethod,
        String splitNote,
        boolean locked,
        String adjustReason,
        Instant createdAt,
        int version) {}
