package dev.fairlead.goals.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suggested quota for the next period, and the figures behind it. Three estimates, each used
 * when its data exists: history (the least-squares trend of recent periods carried one period on,
 * times a seasonality index = same period last year / last year's average period), the open
 * pipeline expected to close in the period weighted by probability, and the unit's share of
 * territory potential applied to the parent's target. The suggestion is their weighted mean
 * (history 50%, pipeline 30%, potential 20%, re-weighted over the estimates that exist).
 */
public final class QuotaSuggestion {

    public static final BigDecimal HISTORY_WEIGHT = new BigDecimal("0.5");
    public static final BigDecimal PIPELINE_WEIGHT = new BigDecimal("0.3");
    public static final BigDecimal POTENTIAL_WEIGHT = new BigDecimal("0.2");

    /**
     * @param recent actuals of the last periods of the same kind, oldest first
     * @param sameLastYear actual of the same period a year earlier (null: unknown)
     * @param lastYearAverage average actual per period over the year before the next period (null: unknown)
     * @param weightedPipeline open pipeline closing in the period, weighted (null: not applicable)
     * @param potentialShare the unit's share of its parent's territory potential, 0–1 (null: none recorded)
     * @param parentTarget the parent goal's target for the period (null: no parent)
     */
    public record Inputs(List<BigDecimal> recent, BigDecimal sameLastYear, BigDecimal lastYearAverage,
            BigDecimal weightedPipeline, BigDecimal potentialShare, BigDecimal parentTarget, int scale) {}

    /** The suggestion with every figure it came from; estimates without data are null. */
    public record Suggestion(BigDecimal value, BigDecimal trend, BigDecimal seasonalityIndex, BigDecimal historyBased,
            BigDecimal pipelineBased, BigDecimal potentialBased, Map<String, BigDecimal> weights) {}

    private QuotaSuggestion() {}

    public static Suggestion suggest(Inputs in) {
        BigDecimal trend = trend(in.recent());
        BigDecimal index = in.sameLastYear() != null && in.lastYearAverage() != null && in.lastYearAverage().signum() > 0
                && in.sameLastYear().signum() > 0
                ? in.sameLastYear().divide(in.lastYearAverage(), MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP)
                : BigDecimal.ONE.setScale(4);
        BigDecimal history = trend == null ? null : round(trend.multiply(index), in.scale());
        BigDecimal pipeline = in.weightedPipeline() == null ? null : round(in.weightedPipeline(), in.scale());
        BigDecimal potential = in.potentialShare() == null || in.parentTarget() == null ? null
                : round(in.parentTarget().multiply(in.potentialShare()), in.scale());
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        if (history != null) {
            weights.put("history", HISTORY_WEIGHT);
        }
        if (pipeline != null) {
            weights.put("pipeline", PIPELINE_WEIGHT);
        }
        if (potential != null) {
            weights.put("potential", POTENTIAL_WEIGHT);
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal value = BigDecimal.ZERO.setScale(in.scale());
        if (sum.signum() > 0) {
            weights.replaceAll((k, w) -> w.divide(sum, 4, RoundingMode.HALF_UP));
            BigDecimal weighted = BigDecimal.ZERO;
            weighted = history == null ? weighted : weighted.add(history.multiply(HISTORY_WEIGHT));
            weighted = pipeline == null ? weighted : weighted.add(pipeline.multiply(PIPELINE_WEIGHT));
            weighted = potential == null ? weighted : weighted.add(potential.multiply(POTENTIAL_WEIGHT));
            value = round(weighted.divide(sum, MathContext.DECIMAL64), in.scale());
        }
        return new Suggestion(value, trend == null ? null : round(trend, in.scale()), index, history, pipeline, potential, weights);
    }

    /** Least-squares line through the points (x = 1..n), read at x = n + 1, never below zero; null without data. */
    static BigDecimal trend(List<BigDecimal> recent) {
        int n = recent.size();
        if (n == 0) {
            return null;
        }
        if (n == 1) {
            return recent.get(0);
        }
        double meanX = (n + 1) / 2.0;
        double meanY = recent.stream().mapToDouble(BigDecimal::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = (i + 1) - meanX;
            sxy += dx * (recent.get(i).doubleValue() - meanY);
            sxx += dx * dx;
        }
        double next = meanY + (sxy / sxx) * ((n + 1) - meanX);
        return BigDecimal.valueOf(Math.max(0, next));
    }

    private static BigDecimal round(BigDecimal v, int scale) {
        return v.max(BigDecimal.ZERO).setScale(scale, RoundingMode.HALF_UP);
    }
}
