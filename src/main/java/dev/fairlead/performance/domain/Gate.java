package dev.fairlead.performance.domain;

import java.math.BigDecimal;

/**
 * A minimum gate on a dimension: an actual below {@code belowPercent} of the base (of the target when
 * there is no base) caps the whole scorecard at {@code capScore} points, whatever the other dimensions earn.
 */
public record Gate(BigDecimal belowPercent, BigDecimal capScore) {}
