package dev.fairlead.insights;

import dev.fairlead.common.Period;
import dev.fairlead.goals.GoalMetric;
import dev.fairlead.insights.persistence.ReportRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a report (or a dashboard export) shows for one unit — a team's subtree, or the company when
 * {@code teamId} is null — and one period: the dashboard's figures as {@link Dashboards} answers them, the
 * reps who moved most against the period before, the alerts of the period and the scorecards.
 */
public record ReportContent(Long teamId, String unitName, Period period, Instant generatedAt, Figures.Progress progress,
        List<Mover> topMovers, List<Mover> bottomMovers, Figures.Funnel funnel, Figures.Sla sla, Figures.Fairness fairness,
        Figures.PoolFlows pool, List<ReportRepository.AlertLine> alerts, List<Score> scorecards, boolean scored) {

    /** A rep's goal: actual this period against the period before, and the change. */
    public record Mover(String repName, GoalMetric metric, BigDecimal actual, BigDecimal previous, BigDecimal change,
            Double attainment) {}

    /** A rep's scorecard total for the period. */
    public record Score(String repName, String teamName, BigDecimal total) {}

    /** Team totals of the SLA (the rows without a rep). */
    public List<Figures.SlaRow> slaTeams() {
        return sla.rows().stream().filter(r -> r.repId() == null).toList();
    }

    public List<Figures.SlaRow> slaReps() {
        return sla.rows().stream().filter(r -> r.repId() != null).toList();
    }
}
