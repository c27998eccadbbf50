package dev.fairlead.common;

import java.time.LocalDate;

/**
 * One organisation unit over a stretch of days, as modules that count things are asked about it:
 * a team with every team below it ({@code teamId}), or one rep ({@code repId}); days from
 * {@code from} (inclusive) to {@code until} (exclusive). {@code key} lets the caller match answers.
 */
public record UnitPeriod(String key, Long teamId, Long repId, LocalDate from, LocalDate until) {

    public UnitPeriod {
        if ((teamId == null) == (repId == null)) {
            throw new IllegalArgumentException("A unit is a team or a rep");
        }
    }

    public static UnitPeriod team(String key, long teamId, Period period) {
        return new UnitPeriod(key, teamId, null, period.start(), period.end());
    }

    public static UnitPeriod rep(String key, long repId, Period period) {
        return new UnitPeriod(key, null, repId, period.start(), period.end());
    }
}
