package dev.fairlead.performance.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rep's score for a period: the dimensions, the sum of their points, and the total after the gate
 * ({@code gatedBy} names the failed gate that lowered it to {@code gateCap}; both null when no failed gate lowered it), with the
 * hint that gains the most ({@code next}, null when nothing more can be gained).
 */
public record Scorecard(List<DimensionScore> dimensions, BigDecimal sum, BigDecimal total, Metric gatedBy, BigDecimal gateCap, Hint next) {

    public Scorecard {
        dimensions = List.copyOf(dimensions);
    }
}
