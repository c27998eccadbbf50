package dev.fairlead.performance.domain;

import java.math.BigDecimal;

/** A dimension's tiers for one rep and period: the target scores 100%; base and stretch are optional. */
public record Targets(BigDecimal base, BigDecimal target, BigDecimal stretch) {

    /** The level a gate's percentage is taken of: the base, or the target when there is none. */
    public BigDecimal gateBasis() {
        return base != null ? base : target;
    }
}
