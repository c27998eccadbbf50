package dev.fairlead.goals;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.UnitPeriod;
import dev.fairlead.goals.domain.QuotaSuggestion;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Gathers the history, pipeline and potential behind each suggested quota, then asks {@link QuotaSuggestion}. */
final class Suggestions {

    static final int RECENT = 4;

    private Suggestions() {}

    static List<QuotaSuggestionView> suggest(Goal goal, List<OrgUnit> units, GoalActuals actuals, Map<String, BigDecimal> potentials) {
        Period period = goal.period();
        List<Period> recent = new ArrayList<>();
        for (Period p = period.previous(); recent.size() < RECENT; p = p.previous()) {
            recent.add(p);
        }
        Collections.reverse(recent);
        Period lastYear = period.sameLastYear();
        Period yearBefore = Period.of(PeriodKind.YEAR, lastYear.start());
        List<UnitPeriod> windows = new ArrayList<>();
        for (OrgUnit u : units) {
            for (int i = 0; i < recent.size(); i++) {
                windows.add(GoalActuals.window(u.key() + "|r" + i, u, recent.get(i)));
            }
            windows.add(GoalActuals.window(u.key() + "|ly", u, lastYear));
            windows.add(GoalActuals.window(u.key() + "|year", u, yearBefore));
        }
        Map<String, BigDecimal> history = actuals.measure(goal.metric(), windows);
        Map<String, BigDecimal> pipeline = goal.metric() == GoalMetric.REVENUE
                ? actualsPipeline(actuals, units, period) : Map.of();
        BigDecimal potentialTotal = potentials.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<QuotaSuggestionView> result = new ArrayList<>();
        for (OrgUnit u : units) {
            List<BigDecimal> values = new ArrayList<>();
            for (int i = 0; i < recent.size(); i++) {
                values.add(history.get(u.key() + "|r" + i));
            }
            BigDecimal sameLastYear = history.get(u.key() + "|ly");
            BigDecimal average = history.get(u.key() + "|year").multiply(BigDecimal.valueOf(lastYear.days()))
                    .divide(BigDecimal.valueOf(yearBefore.days()), MathContext.DECIMAL64);
            BigDecimal share = potentialTotal.signum() == 0 ? null
                    : potentials.getOrDefault(u.key(), BigDecimal.ZERO).divide(potentialTotal, MathContext.DECIMAL64);
            boolean anyHistory = values.stream().anyMatch(v -> v.signum() > 0) || sameLastYear.signum() > 0;
            QuotaSuggestion.Suggestion s = QuotaSuggestion.suggest(new QuotaSuggestion.Inputs(anyHistory ? values : List.of(),
                    sameLastYear, average, pipeline.get(u.key()), share, goal.target(), goal.metric().scale()));
            result.add(new QuotaSuggestionView(u, s.value(), recent.stream().map(Period::label).toList(), values, s.trend(),
                    sameLastYear, s.seasonalityIndex(), s.historyBased(), s.pipelineBased(),
                    share == null ? null : share.setScale(4, java.math.RoundingMode.HALF_UP), s.potentialBased(), s.weights()));
        }
        return result;
    }

    private static Map<String, BigDecimal> actualsPipeline(GoalActuals actuals, List<OrgUnit> units, Period period) {
        return actuals.pipeline(units.stream().map(u -> GoalActuals.window(u.key(), u, period)).toList());
    }

}
