package dev.fairlead.performance;

import dev.fairlead.common.Period;
import dev.fairlead.common.UnitPeriod;
import dev.fairlead.credit.ConfirmedCredit;
import dev.fairlead.deals.DealStatistics;
import dev.fairlead.goals.GoalProgress;
import dev.fairlead.leads.CustomerService;
import dev.fairlead.performance.domain.Measured;
import dev.fairlead.performance.domain.Metric;
import dev.fairlead.performance.persistence.MetricRepository;
import dev.fairlead.surveys.SatisfactionStatistics;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpStatistics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every metric's actual for many reps over one period, from where the work is recorded: deals and
 * customers through their modules' statistics, follow-ups through work's, shares (win rate, SLA kept,
 * tasks on time) in SQL over those modules' tables, goal attainment from the goals' own progress.
 * Days are the company's (the application clock's zone), as goals count them.
 */
@Component
class PerformanceMetrics {

    private final DealStatistics deals;
    private final ConfirmedCredit credit;
    private final CustomerService customers;
    private final FollowUpStatistics followUps;
    private final MetricRepository shares;
    private final SatisfactionStatistics satisfaction;
    private final Clock clock;

    PerformanceMetrics(DealStatistics deals, ConfirmedCredit credit, CustomerService customers, FollowUpStatistics followUps,
            MetricRepository shares, SatisfactionStatistics satisfaction, Clock clock) {
        this.deals = deals;
        this.credit = credit;
        this.customers = customers;
        this.followUps = followUps;
        this.shares = shares;
        this.satisfaction = satisfaction;
        this.clock = clock;
    }

    String currency() {
        return deals.currency();
    }

    /** The actuals by rep id and metric; {@code goals} are the reps' goals for the period (for goal attainment). */
    Map<Long, Map<Metric, Measured>> measure(Set<Metric> metrics, Collection<Long> repIds, Period period, Map<Long, List<GoalProgress>> goals) {
        Map<Long, Map<Metric, Measured>> result = new HashMap<>();
        repIds.forEach(id -> result.put(id, new EnumMap<>(Metric.class)));
        List<UnitPeriod> windows = repIds.stream().map(id -> UnitPeriod.rep(String.valueOf(id), id, period)).toList();
        for (Metric metric : metrics) {
            switch (metric) {
                case REVENUE -> amounts(result, metric, revenue(windows));
                case DEALS_WON -> amounts(result, metric, deals.measure(DealStatistics.Measure.WON_DEALS, windows));
                case NEW_CUSTOMERS -> counts(result, metric, customers.countNew(windows));
                case FOLLOW_UPS -> counts(result, metric, followUps.count(null, windows));
                case VISITS -> counts(result, metric, followUps.count(FollowUpKind.VISIT, windows));
                case WIN_RATE -> shares(result, metric, shares.winRate(repIds, period.start(), period.end(), clock.getZone()));
                case SLA_KEPT -> shares(result, metric, shares.slaKept(repIds, period.start(), period.end(), clock.getZone()));
                case TASKS_ON_TIME -> shares(result, metric, shares.tasksOnTime(repIds, period.start(), period.end(), clock.getZone(),
                        clock.instant()));
                case SATISFACTION -> satisfaction(result, repIds, period);
                case GOAL_ATTAINMENT -> result.forEach((rep, m) -> m.put(metric, goalAttainment(goals.getOrDefault(rep, List.of()))));
            }
        }
        return result;
    }

    /**
     * The one place scorecard revenue comes from: confirmed credit, each rep's confirmed share on the day
     * finance confirmed it, in the reporting currency (decisions 0501, 0502); a won deal not yet
     * confirmed counts nothing.
     */
    private Map<String, BigDecimal> revenue(List<UnitPeriod> windows) {
        return credit.revenue(windows);
    }

    /** Mean rating of the surveys answered in the period (company days); no answer is no data. */
    private void satisfaction(Map<Long, Map<Metric, Measured>> result, Collection<Long> repIds, Period period) {
        ZoneId zone = clock.getZone();
        Map<Long, SatisfactionStatistics.MeanRating> means = satisfaction.meanRatings(repIds,
                period.start().atStartOfDay(zone).toInstant(), period.end().atStartOfDay(zone).toInstant());
        result.forEach((rep, m) -> {
            SatisfactionStatistics.MeanRating r = means.get(rep);
            m.put(Metric.SATISFACTION, r == null ? new Measured(null, 0L, 0L) : new Measured(r.mean(), r.answers(), r.answers()));
        });
    }

    /** Mean attainment of the rep's goals for the period, in percent; no goals is no data. */
    private static Measured goalAttainment(List<GoalProgress> goals) {
        List<Double> attainments = goals.stream().map(GoalProgress::attainment).filter(Objects::nonNull).toList();
        if (attainments.isEmpty()) {
            return new Measured(null, 0L, 0L);
        }
        BigDecimal sum = attainments.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(attainments.size()), 1, RoundingMode.HALF_UP);
        return new Measured(mean, null, (long) attainments.size());
    }

    private static void amounts(Map<Long, Map<Metric, Measured>> result, Metric metric, Map<String, BigDecimal> values) {
        result.forEach((rep, m) -> m.put(metric, Measured.amount(values.getOrDefault(String.valueOf(rep), BigDecimal.ZERO)
                .setScale(metric.unit().scale(), RoundingMode.HALF_UP))));
    }

    private static void counts(Map<Long, Map<Metric, Measured>> result, Metric metric, Map<String, Long> values) {
        result.forEach((rep, m) -> m.put(metric, Measured.count(values.getOrDefault(String.valueOf(rep), 0L))));
    }

    private static void shares(Map<Long, Map<Metric, Measured>> result, Metric metric, Map<Long, long[]> values) {
        result.forEach((rep, m) -> {
            long[] v = values.getOrDefault(rep, new long[] {0, 0});
            m.put(metric, Measured.share(v[0], v[1]));
        });
    }
}
