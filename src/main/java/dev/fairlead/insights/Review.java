package dev.fairlead.insights;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Rule effectiveness (复盘) as the API returns it: per rule-set version and rule, each figure with the leads it rests on. */
public final class Review {

    /** Below this many leads a figure is marked too few to judge. */
    public static final int MINIMUM_BASIS = 30;

    private Review() {}

    /** The month, quarter (default) or year containing {@code on}, and optionally one team's subtree in the viewer's scope. */
    public record Filter(PeriodKind kind, LocalDate on, Long teamId) {

        public Filter {
            kind = kind == null ? PeriodKind.QUARTER : kind;
            if (kind != PeriodKind.MONTH && kind != PeriodKind.QUARTER && kind != PeriodKind.YEAR) {
                throw InvalidInputException.of("period", "insights.review.invalid.period");
            }
        }

        public Period period(LocalDate today) {
            return Period.of(kind, on == null ? today : on);
        }

        String query() {
            return "period=" + kind + (on == null ? "" : "&on=" + on) + (teamId == null ? "" : "&teamId=" + teamId);
        }
    }

    /** A figure and the number of leads (or timers, or contacted leads) it rests on; {@code tooFew} below {@link #MINIMUM_BASIS}. */
    public record Figure(Double value, long basis, boolean tooFew) {

        static Figure of(Double value, long basis) {
            return new Figure(basis == 0 ? null : value, basis, basis < MINIMUM_BASIS);
        }

        static Figure share(long part, long whole) {
            return of(whole == 0 ? null : (double) part / whole, whole);
        }
    }

    /**
     * One rule of a rule-set version (ruleKey "" when no rule matched and the lead was pooled), or the
     * version's total ({@code total}, ruleKey null). Hours run from the decision to the first follow-up after it.
     * {@code link} lists the leads behind the row; add {@code &figure=} POOLED, CONTACTED, DEAL, WON, SLA_KEPT or SLA_MISSED.
     */
    public record RuleRow(long ruleSetId, int version, String ruleSetName, boolean total, String ruleKey, String ruleName,
            long leadsRouted, boolean tooFew, Figure medianHoursToFirstContact, Figure p90HoursToFirstContact,
            Figure conversionToDeal, Figure conversionToWon, Figure revenuePerLead, Figure slaKept, Figure sharePooled,
            String link, String apiLink) {}

    public record Effectiveness(Period period, String currency, int minimumBasis, List<RuleRow> rows) {

        public List<RuleRow> versions() {
            return rows.stream().filter(RuleRow::total).toList();
        }
    }

    public record LeadRow(long leadId, String company, String contactName, int version, String ruleKey, String outcome, Long repId,
            String repName, Instant decidedAt, Double hoursToFirstContact, boolean deal, boolean won, BigDecimal revenue, String sla,
            String link) {}

    public record Leads(Period period, int version, String ruleKey, String figure, List<LeadRow> leads, boolean truncated) {}

    /** Which leads a drill-down lists. */
    public enum DrillFigure { ROUTED, POOLED, CONTACTED, DEAL, WON, SLA_KEPT, SLA_MISSED }
}
