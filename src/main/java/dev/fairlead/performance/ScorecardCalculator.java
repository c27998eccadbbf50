package dev.fairlead.performance;

import dev.fairlead.common.Period;
import dev.fairlead.goals.Goal;
import dev.fairlead.goals.GoalMetric;
import dev.fairlead.goals.GoalProgress;
import dev.fairlead.goals.GoalService;
import dev.fairlead.org.Rep;
import dev.fairlead.performance.domain.Dimension;
import dev.fairlead.performance.domain.Measured;
import dev.fairlead.performance.domain.Metric;
import dev.fairlead.performance.domain.Scorecard;
import dev.fairlead.performance.domain.Scoring;
import dev.fairlead.performance.domain.Targets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Scores reps for a period, each by the scheme the function picks (none: not scored): one query per
 * metric for all of them, the reps' goals for the period once, then the pure {@link Scoring} per rep.
 */
@Component
class ScorecardCalculator {

    private final PerformanceMetrics metrics;
    private final GoalService goals;

    ScorecardCalculator(PerformanceMetrics metrics, GoalService goals) {
        this.metrics = metrics;
        this.goals = goals;
    }

    List<RepScorecard> score(List<Rep> reps, Period period, Function<Rep, KpiScheme> schemeFor) {
        List<Rep> scored = reps.stream().filter(r -> schemeFor.apply(r) != null && !schemeFor.apply(r).dimensions().isEmpty()).toList();
        if (scored.isEmpty()) {
            return List.of();
        }
        Set<Metric> needed = EnumSet.noneOf(Metric.class);
        boolean goalsNeeded = false;
        for (Rep r : scored) {
            for (Dimension d : schemeFor.apply(r).dimensions()) {
                needed.add(d.metric());
                goalsNeeded |= d.targetsFromGoals() || d.metric() == Metric.GOAL_ATTAINMENT;
            }
        }
        List<Long> ids = scored.stream().map(Rep::id).toList();
        Map<Long, List<GoalProgress>> repGoals = goalsNeeded ? goals.repGoals(ids, period) : Map.of();
        Map<Long, Map<Metric, Measured>> actuals = metrics.measure(needed, ids, period, repGoals);
        List<RepScorecard> cards = new ArrayList<>();
        for (Rep rep : scored) {
            KpiScheme scheme = schemeFor.apply(rep);
            List<GoalProgress> own = repGoals.getOrDefault(rep.id(), List.of());
            Set<Metric> fromGoal = EnumSet.noneOf(Metric.class);
            List<Dimension> dimensions = scheme.dimensions().stream().map(d -> {
                Targets t = d.targetsFromGoals() ? goalTargets(d.metric(), own) : null;
                if (t == null) {
                    return d;
                }
                fromGoal.add(d.metric());
                return d.withTargets(t);
            }).toList();
            Scorecard card = Scoring.score(dimensions, actuals.get(rep.id()), fromGoal);
            cards.add(new RepScorecard(rep.id(), rep.name(), rep.teamId(), rep.teamName(), period.label(), period.start(), period.end(),
                    scheme.id(), scheme.name(), scheme.version(), metrics.currency(), null, null, card));
        }
        return cards;
    }

    /** The rep's goal on the metric for the period as tiers (target, and base and stretch where set), if there is one. */
    private static Targets goalTargets(Metric metric, List<GoalProgress> goals) {
        GoalMetric goalMetric = switch (metric) {
            case REVENUE -> GoalMetric.REVENUE;
            case DEALS_WON -> GoalMetric.WON_DEALS;
            case NEW_CUSTOMERS -> GoalMetric.NEW_CUSTOMERS;
            case FOLLOW_UPS -> GoalMetric.FOLLOW_UPS;
            case VISITS -> GoalMetric.VISITS;
            default -> null;
        };
        return goals.stream().map(GoalProgress::goal).filter(g -> g.metric() == goalMetric && g.target() != null && g.target().signum() > 0)
                .findFirst().map(ScorecardCalculator::tiers).orElse(null);
    }

    private static Targets tiers(Goal g) {
        return new Targets(g.base(), Objects.requireNonNull(g.target()), g.stretch());
    }
}
