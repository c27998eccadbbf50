package dev.fairlead.deals;

import java.math.BigDecimal;
import java.util.List;

/**
 * The funnel for a set of deals. Amounts are in {@code currency}; deals in other currencies are
 * counted but not summed ({@code otherCurrencyDeals}).
 *
 * @param stages each open stage with the deals that reached it, their amount, the share that went on to
 *     the next stage (the last one: to won) and the average days spent in it; then "won"
 * @param groups the same by rep, team, source or month: totals and deals reaching each open stage
 */
public record FunnelReport(
        FunnelQuery query,
        String currency,
        Pipeline pipeline,
        List<StageRow> stages,
        Totals totals,
        List<GroupRow> groups,
        long otherCurrencyDeals) {

    public record StageRow(String code, String nameEn, String nameZh, long reached, BigDecimal amount,
            Double conversionToNext, Double averageDaysInStage) {

        public String name(boolean chinese) {
            return chinese ? nameZh : nameEn;
        }
    }

    public record Totals(long deals, long open, long won, long lost, Double winRate, BigDecimal wonAmount, BigDecimal openAmount) {}

    public record GroupRow(String key, Totals totals, List<Long> reached) {}
}
