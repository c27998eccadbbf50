package dev.fairlead.goals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A suggested quota for one unit and the goal's period, with the figures behind it: the recent
 * actuals (oldest first) and their trend, the seasonality index, the weighted open pipeline closing
 * in the period, the unit's share of territory potential, and the weight each estimate got.
 */
public record QuotaSuggestionView(
        OrgUnit unit,
        BigDecimal suggested,
        List<String> recentPeriods,
        List<BigDecimal> recentActuals,
        BigDecimal trend,
        BigDecimal sameLastYear,
        BigDecimal seasonalityIndex,
        BigDecimal historyBased,
        BigDecimal weightedPipeline,
        BigDecimal potentialShare,
        BigDecimal potentialBased,
        Map<String, BigDecimal> weights) {}
