package dev.fairlead.performance.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores actuals against a scheme's dimensions. Each dimension pays {@code weight × curve(actual / target)}
 * points, rounded half-up to one decimal; the scorecard's sum is the sum of those rounded points (so the
 * table adds up), and a failed gate caps the total at the lowest failed gate's cap. A dimension without
 * data (a percentage of nothing) scores 0 and fails no gate.
 */
public final class Scoring {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {}

    /**
     * @param dimensions the scheme's dimensions with this rep's tiers filled in
     * @param goalTargets metrics whose tiers came from the rep's goal (shown as such)
     */
    public static Scorecard score(List<Dimension> dimensions, Map<Metric, Measured> actuals, Set<Metric> goalTargets) {
        Scorecard plain = scoreWithoutHints(dimensions, actuals, goalTargets);
        List<DimensionScore> withHints = new ArrayList<>();
        for (DimensionScore d : plain.dimensions()) {
            withHints.add(new DimensionScore(d.rule(), d.targetsFromGoal(), d.actual(), d.attainment(), d.paidPercent(), d.points(),
                    d.gateFailed(), hint(d, plain, dimensions, actuals, goalTargets)));
        }
        Hint next = withHints.stream().map(DimensionScore::hint).filter(h -> h != null)
                .max(Comparator.comparing(Hint::gain)).orElse(null);
        return new Scorecard(withHints, plain.sum(), plain.total(), plain.gatedBy(), plain.gateCap(), next);
    }

    /** The share of the weight a curve pays at an attainment (a fraction: 1 is the target). */
    public static BigDecimal paid(Dimension d, BigDecimal attainment) {
        return switch (d.curve()) {
            case LINEAR -> attainment.min(d.capPercent().divide(HUNDRED, MC));
            case STEPS -> {
                BigDecimal percent = attainment.multiply(HUNDRED, MC);
                BigDecimal pays = BigDecimal.ZERO;
                for (Step s : d.steps()) {
                    if (percent.compareTo(s.atPercent()) >= 0) {
                        pays = pays.max(s.paysPercent());
                    }
                }
                yield pays.divide(HUNDRED, MC);
            }
        };
    }

    /** The actual at which a gate stops failing: its percentage of the base (or target). */
    public static BigDecimal gateLine(Dimension d) {
        return d.targets().gateBasis().multiply(d.gate().belowPercent(), MC).divide(HUNDRED, MC);
    }

    private static Scorecard scoreWithoutHints(List<Dimension> dimensions, Map<Metric, Measured> actuals, Set<Metric> goalTargets) {
        List<DimensionScore> scores = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO.setScale(1);
        Metric gatedBy = null;
        BigDecimal cap = null;
        for (Dimension d : dimensions) {
            Measured actual = actuals.getOrDefault(d.metric(), Measured.none());
            DimensionScore s = dimension(d, actual, goalTargets.contains(d.metric()));
            scores.add(s);
            sum = sum.add(s.points());
            if (s.gateFailed() && (cap == null || d.gate().capScore().compareTo(cap) < 0)) {
                cap = d.gate().capScore();
                gatedBy = d.metric();
            }
        }
        boolean capped = cap != null && sum.compareTo(cap) > 0;
        BigDecimal total = capped ? cap.setScale(1, RoundingMode.HALF_UP) : sum;
        return new Scorecard(scores, sum, total, capped ? gatedBy : null, capped ? cap : null, null);
    }

    private static DimensionScore dimension(Dimension d, Measured actual, boolean fromGoal) {
        if (!actual.hasValue()) {
            return new DimensionScore(d, fromGoal, actual, null, BigDecimal.ZERO.setScale(1), BigDecimal.ZERO.setScale(1), false, null);
        }
        BigDecimal attainment = actual.value().divide(d.targets().target(), MC);
        BigDecimal paid = paid(d, attainment);
        BigDecimal points = paid.multiply(BigDecimal.valueOf(d.weight()), MC).setScale(1, RoundingMode.HALF_UP);
        boolean gateFailed = d.gate() != null && actual.value().compareTo(gateLine(d)) < 0;
        return new DimensionScore(d, fromGoal, actual, percent(attainment), percent(paid), points, gateFailed, null);
    }

    /** The nearest level above the actual that raises the total, with what it takes and what it gains. */
    private static Hint hint(DimensionScore s, Scorecard now, List<Dimension> dimensions, Map<Metric, Measured> actuals,
            Set<Metric> goalTargets) {
        if (!s.actual().hasValue()) {
            return null;
        }
        Dimension d = s.rule();
        BigDecimal value = s.actual().value();
        List<Object[]> levels = new ArrayList<>();
        if (s.gateFailed()) {
            levels.add(new Object[] {Hint.Kind.GATE, gateLine(d)});
        }
        BigDecimal target = d.targets().target();
        switch (d.curve()) {
            case LINEAR -> {
                BigDecimal capLevel = target.multiply(d.capPercent(), MC).divide(HUNDRED, MC);
                if (value.compareTo(target) < 0) {
                    levels.add(new Object[] {Hint.Kind.TARGET, target});
                } else if (value.compareTo(capLevel) < 0) {
                    levels.add(new Object[] {Hint.Kind.CAP, capLevel});
                }
            }
            case STEPS -> d.steps().stream()
                    .map(step -> target.multiply(step.atPercent(), MC).divide(HUNDRED, MC))
                    .filter(level -> level.compareTo(value) > 0).findFirst()
                    .ifPresent(level -> levels.add(new Object[] {Hint.Kind.STEP, level}));
        }
        int scale = d.metric().unit().scale();
        Hint best = null;
        for (Object[] level : levels) {
            BigDecimal reach = ((BigDecimal) level[1]).setScale(scale, RoundingMode.CEILING);
            if (d.metric().unit() == Metric.Unit.PERCENT && reach.compareTo(HUNDRED) > 0
                    || d.metric().unit() == Metric.Unit.RATING && reach.compareTo(BigDecimal.valueOf(5)) > 0) {
                continue;
            }
            Map<Metric, Measured> changed = new EnumMap<>(Metric.class);
            changed.putAll(actuals);
            changed.put(d.metric(), new Measured(reach, null, null));
            BigDecimal gain = scoreWithoutHints(dimensions, changed, goalTargets).total().subtract(now.total());
            if (gain.signum() > 0 && (best == null || reach.compareTo(best.reach()) < 0)) {
                best = new Hint(d.metric(), (Hint.Kind) level[0], reach.subtract(value).setScale(scale, RoundingMode.CEILING), reach, gain);
            }
        }
        return best;
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction.multiply(HUNDRED, MC).setScale(1, RoundingMode.HALF_UP);
    }
}
