package dev.fairlead.performance.domain;

import dev.fairlead.common.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What makes a scheme's dimensions scoreable: every problem at once, field by field. */
public final class SchemeRules {

    /** Metrics the goals module sets targets for, so a dimension on them may take the rep's goal as its tiers. */
    public static final Set<Metric> GOAL_METRICS = EnumSet.of(Metric.REVENUE, Metric.DEALS_WON, Metric.NEW_CUSTOMERS,
            Metric.FOLLOW_UPS, Metric.VISITS);
    public static final int MAX_STEPS = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SchemeRules() {}

    public static List<FieldProblem> check(List<Dimension> dimensions) {
        List<FieldProblem> problems = new ArrayList<>();
        if (dimensions == null || dimensions.isEmpty()) {
            problems.add(FieldProblem.of("dimensions", "performance.scheme.noDimensions"));
            return problems;
        }
        Set<Metric> seen = EnumSet.noneOf(Metric.class);
        int sum = 0;
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension d = dimensions.get(i);
            String at = "dimensions[" + i + "].";
            if (d == null) {
                problems.add(FieldProblem.of("dimensions[" + i + "]", "performance.dimension.missing"));
                continue;
            }
            if (d.metric() == null) {
                problems.add(FieldProblem.of(at + "metric", "performance.dimension.metric"));
            } else if (!seen.add(d.metric())) {
                problems.add(FieldProblem.of(at + "metric", "performance.dimension.duplicate", d.metric().name()));
            }
            if (d.weight() == null || d.weight() < 1 || d.weight() > 100) {
                problems.add(FieldProblem.of(at + "weight", "performance.dimension.weight"));
            } else {
                sum += d.weight();
            }
            checkTargets(d, at, problems);
            checkCurve(d, at, problems);
            checkGate(d.gate(), at, problems);
            if (d.targetsFromGoals() && d.metric() != null && !GOAL_METRICS.contains(d.metric())) {
                problems.add(FieldProblem.of(at + "targetsFromGoals", "performance.dimension.noGoals", d.metric().name()));
            }
        }
        if (problems.stream().noneMatch(p -> p.field().endsWith(".weight")) && sum != 100) {
            problems.add(FieldProblem.of("dimensions", "performance.scheme.weights", sum));
        }
        return problems;
    }

    private static void checkTargets(Dimension d, String at, List<FieldProblem> problems) {
        Targets t = d.targets();
        if (t == null || t.target() == null || t.target().signum() <= 0) {
            problems.add(FieldProblem.of(at + "targets.target", "performance.dimension.target"));
            return;
        }
        int scale = d.metric() == null ? 2 : d.metric().unit().scale();
        boolean percent = d.metric() != null && d.metric().unit() == Metric.Unit.PERCENT;
        for (var tier : List.of(new Object[] {"base", t.base()}, new Object[] {"target", t.target()}, new Object[] {"stretch", t.stretch()})) {
            BigDecimal v = (BigDecimal) tier[1];
            if (v == null) {
                continue;
            }
            if (v.signum() <= 0 || v.stripTrailingZeros().scale() > scale || v.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                problems.add(FieldProblem.of(at + "targets." + tier[0], "performance.dimension.tier", scale));
            } else if (percent && v.compareTo(HUNDRED) > 0) {
                problems.add(FieldProblem.of(at + "targets." + tier[0], "performance.dimension.percent"));
            } else if (d.metric() != null && d.metric().unit() == Metric.Unit.RATING && v.compareTo(BigDecimal.valueOf(5)) > 0) {
                problems.add(FieldProblem.of(at + "targets." + tier[0], "performance.dimension.rating"));
            }
        }
        if (t.base() != null && t.base().compareTo(t.target()) > 0) {
            problems.add(FieldProblem.of(at + "targets.base", "performance.dimension.baseAboveTarget"));
        }
        if (t.stretch() != null && t.stretch().compareTo(t.target()) < 0) {
            problems.add(FieldProblem.of(at + "targets.stretch", "performance.dimension.stretchBelowTarget"));
        }
    }

    private static void checkCurve(Dimension d, String at, List<FieldProblem> problems) {
        if (d.curve() == null) {
            problems.add(FieldProblem.of(at + "curve", "performance.dimension.curve"));
            return;
        }
        switch (d.curve()) {
            case LINEAR -> {
                if (d.capPercent() == null || d.capPercent().compareTo(HUNDRED) < 0 || d.capPercent().compareTo(BigDecimal.valueOf(300)) > 0) {
                    problems.add(FieldProblem.of(at + "capPercent", "performance.dimension.cap"));
                }
            }
            case STEPS -> checkSteps(d.steps(), at, problems);
        }
    }

    private static void checkSteps(List<Step> steps, String at, List<FieldProblem> problems) {
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            problems.add(FieldProblem.of(at + "steps", "performance.dimension.steps", MAX_STEPS));
            return;
        }
        BigDecimal lastAt = BigDecimal.ZERO;
        BigDecimal lastPays = BigDecimal.ZERO;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String field = at + "steps[" + i + "]";
            if (s == null || s.atPercent() == null || s.paysPercent() == null) {
                problems.add(FieldProblem.of(field, "performance.step.missing"));
                return;
            }
            if (s.atPercent().compareTo(lastAt) <= 0 || s.atPercent().compareTo(BigDecimal.valueOf(500)) > 0) {
                problems.add(FieldProblem.of(field + ".atPercent", "performance.step.ascending"));
            }
            if (s.paysPercent().compareTo(lastPays) < 0 || s.paysPercent().compareTo(BigDecimal.valueOf(300)) > 0) {
                problems.add(FieldProblem.of(field + ".paysPercent", "performance.step.pays"));
            }
            lastAt = s.atPercent();
            lastPays = s.paysPercent().max(lastPays);
        }
    }

    private static void checkGate(Gate gate, String at, List<FieldProblem> problems) {
        if (gate == null) {
            return;
        }
        if (gate.belowPercent() == null || gate.belowPercent().signum() <= 0 || gate.belowPercent().compareTo(HUNDRED) > 0) {
            problems.add(FieldProblem.of(at + "gate.belowPercent", "performance.gate.below"));
        }
        if (gate.capScore() == null || gate.capScore().signum() < 0 || gate.capScore().compareTo(HUNDRED) >= 0) {
            problems.add(FieldProblem.of(at + "gate.capScore", "performance.gate.cap"));
        }
    }
}
