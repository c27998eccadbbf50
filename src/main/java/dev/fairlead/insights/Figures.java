package dev.fairlead.insights;

import dev.fairlead.common.Period;
import dev.fairlead.goals.GoalMetric;
import dev.fairlead.goals.GoalStatus;
import dev.fairlead.insights.domain.PaceProjection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The dashboard's figures as the API returns them; each row carries the link to the records behind it. */
public final class Figures {

    private Figures() {}

    /** A goal running in the period with its pace: elapsed share, linear projection, gap in money and per working day left. */
    public record GoalPace(long goalId, GoalMetric metric, String unitName, Long teamId, Long repId, String currency,
            BigDecimal target, BigDecimal actual, double elapsed, BigDecimal projected, Double projectedAttainment,
            BigDecimal gap, int remainingWorkingDays, BigDecimal gapPerWorkingDay, GoalStatus status, String link) {

        static GoalPace of(dev.fairlead.goals.GoalProgress p, PaceProjection pace) {
            var g = p.goal();
            return new GoalPace(g.id(), g.metric(), g.unit().name(), g.unit().teamId(), g.unit().repId(), g.currency(),
                    g.target(), p.actual(), p.elapsed(), pace.projected(), pace.projectedAttainment(), pace.gap(),
                    pace.remainingWorkingDays(), pace.gapPerWorkingDay(), p.status(), "/goals/" + g.id());
        }
    }

    public record Progress(Period period, List<GoalPace> goals) {}

    public record AgingRow(long repId, String repName, long days0to2, long days3to6, long days7to13, long days14to29,
            long days30plus, long open, String link) {}

    public record Aging(LocalDate asOf, List<AgingRow> reps) {}

    /** loadShare = open / capacity (null for a capacity of zero); overloaded when open leads exceed capacity. */
    public record LoadRow(long repId, String repName, String tier, long open, int capacity, Double loadShare,
            boolean overloaded, String link) {}

    public record Workload(List<LoadRow> reps) {}

    public record FairnessRow(long repId, String repName, String tier, long leads, BigDecimal expectedValue, String link) {}

    /** Gini of the leads received within each tier; max/min of leads received over all reps (null: someone got none). */
    public record Fairness(Period period, List<FairnessRow> reps, Map<String, Double> giniByTier,
            Double maxMinLeadRatio) {}

    /** compliance = met / (met + breached), null when none decided yet; repId null on a team's total. */
    public record SlaRow(long teamId, String teamName, Long repId, String repName, long timers, long met, long breached,
            long running, Double compliance, String link) {}

    public record Sla(Period period, List<SlaRow> rows) {}

    public record PoolWeek(LocalDate week, long inNoEligibleRep, long inReleased, long inRecovered, long inSlaBreach,
            long inTotal, long outClaimed, String link) {}

    public record PoolFlows(Period period, List<PoolWeek> weeks) {}

    public record FunnelStage(String code, String nameEn, String nameZh, long reached, BigDecimal amount,
            Double conversionToNext, String link) {}

    public record Funnel(Period period, String currency, List<FunnelStage> stages, long deals, long won, Double winRate) {}
}
