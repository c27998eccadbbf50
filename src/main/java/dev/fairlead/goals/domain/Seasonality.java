package dev.fairlead.goals.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

/**
 * How a year's business spreads over its months: twelve non-negative weights, January first.
 * Entered by hand or taken from last year's actuals; a curve of zeros (no history) is flat.
 */
public record Seasonality(List<BigDecimal> monthly) {

    public Seasonality {
        if (monthly.size() != 12) {
            throw new IllegalArgumentException("A seasonality curve has twelve months, not " + monthly.size());
        }
        if (monthly.stream().anyMatch(m -> m == null || m.signum() < 0)) {
            throw new IllegalArgumentException("Monthly weights are never negative");
        }
        monthly = monthly.stream().allMatch(m -> m.signum() == 0)
                ? Collections.nCopies(12, BigDecimal.ONE)
                : List.copyOf(monthly);
    }

    public static Seasonality flat() {
        return new Seasonality(Collections.nCopies(12, BigDecimal.ONE));
    }

    public BigDecimal month(int month) {
        return monthly.get(month - 1);
    }

    public boolean isFlat() {
        return monthly.stream().distinct().count() == 1;
    }
}
