package dev.fairlead.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Improvement versus the previous period (进步榜): the change in percent of the previous value,
 * rounded half-up to one decimal. Nothing to improve on (no previous value, or a previous value of
 * zero or less) is no data (null), not an infinite improvement; no current value is no data too.
 */
public final class Improvement {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Improvement() {}

    public static BigDecimal percentChange(BigDecimal previous, BigDecimal current) {
        if (previous == null || current == null || previous.signum() <= 0) {
            return null;
        }
        return current.subtract(previous).multiply(HUNDRED).divide(previous, 1, RoundingMode.HALF_UP);
    }
}
