package dev.fairlead.performance.domain;

import java.util.List;

/**
 * One weighted dimension of a scheme: a metric, its weight in whole percent of the scorecard, the
 * scheme's own tiers (used unless {@code targetsFromGoals} and the rep has a goal on the metric for the
 * period), a curve and optionally a gate.
 *
 * @param capPercent for a linear curve, the attainment beyond which nothing more is paid (100 to 300)
 * @param steps for a step curve, the thresholds in ascending order
 */
public record Dimension(
        Metric metric,
        Integer weight,
        Targets targets,
        Boolean targetsFromGoals,
        CurveKind curve,
        java.math.BigDecimal capPercent,
        List<Step> steps,
        Gate gate) {

    public Dimension {
        steps = steps == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(steps));
        targetsFromGoals = Boolean.TRUE.equals(targetsFromGoals);
    }

    public Dimension withTargets(Targets other) {
        return new Dimension(metric, weight, other, targetsFromGoals, curve, capPercent, steps, gate);
    }
}
