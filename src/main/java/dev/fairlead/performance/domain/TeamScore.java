package dev.fairlead.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A team's scorecard as the aggregate of its reps': how many were scored, the mean, lowest and highest total. */
public record TeamScore(int reps, BigDecimal mean, BigDecimal lowest, BigDecimal highest) {

    public static TeamScore of(List<BigDecimal> totals) {
        if (totals.isEmpty()) {
            return new TeamScore(0, null, null, null);
        }
        BigDecimal sum = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TeamScore(totals.size(), sum.divide(BigDecimal.valueOf(totals.size()), 1, RoundingMode.HALF_UP),
                totals.stream().min(BigDecimal::compareTo).orElseThrow(), totals.stream().max(BigDecimal::compareTo).orElseThrow());
    }
}
