package dev.fairlead.performance.domain;

import java.math.BigDecimal;

/**
 * A metric's actual for one rep and period. For a percentage, {@code of} is what it is a share of
 * (deals closed, timers decided, tasks due, goals) and {@code count} the part that counted; a
 * percentage with nothing to take a share of has no value ({@code value} null: "no data").
 */
public record Measured(BigDecimal value, Long count, Long of) {

    public static Measured amount(BigDecimal value) {
        return new Measured(value, null, null);
    }

    public static Measured count(long n) {
        return new Measured(BigDecimal.valueOf(n), null, null);
    }

    public static Measured share(long count, long of) {
        return new Measured(of == 0 ? null : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(of), 1,
                java.math.RoundingMode.HALF_UP), count, of);
    }

    public static Measured none() {
        return new Measured(null, null, null);
    }

    public boolean hasValue() {
        return value != null;
    }
}
