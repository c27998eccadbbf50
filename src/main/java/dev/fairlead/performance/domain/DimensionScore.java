package dev.fairlead.performance.domain;

import java.math.BigDecimal;

/**
 * One dimension as scored: the rule it was scored by, the rep's tiers, the actual, attainment (actual
 * over target, in percent, one decimal), the share of the weight the curve paid (percent), the points
 * (one decimal), whether its gate failed, and the next threshold worth reaching (null when none).
 */
public record DimensionScore(
        Dimension rule,
        boolean targetsFromGoal,
        Measured actual,
        BigDecimal attainment,
        BigDecimal paidPercent,
        BigDecimal points,
        boolean gateFailed,
        Hint hint) {

    public Metric metric() {
        return rule.metric();
    }

    public int weight() {
        return rule.weight();
    }

    public Targets targets() {
        return rule.targets();
    }
}
