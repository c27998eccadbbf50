package dev.fairlead.goals;

import dev.fairlead.goals.domain.Pace;
import java.math.BigDecimal;

/**
 * Where a goal's actual stands against linear pace, as a person reads it: ahead, on pace or behind,
 * by how much (never negative) and by what share of the expected figure. The share is null when a
 * percentage would mislead (nothing expected yet, or more than twice the expected figure); show the
 * amount instead.
 */
public record PaceGap(Direction direction, BigDecimal amount, Double share) {

    public enum Direction { AHEAD, ON_PACE, BEHIND }

    static PaceGap of(Pace.Deviation deviation) {
        return deviation == null ? null
                : new PaceGap(Direction.valueOf(deviation.direction().name()), deviation.amount(), deviation.share());
    }
}
