package dev.fairlead.work.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Deadlines counted in working time: only the hours between {@code open} and {@code close} on the
 * rep's working days count. A lead assigned on Friday evening with 8 working hours is due on
 * Monday afternoon, not Saturday morning.
 */
public record WorkingHours(LocalTime open, LocalTime close, ZoneId zone) {

    public WorkingHours {
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("Working hours must open before they close: " + open + "–" + close);
        }
    }

    /** {@code start} plus {@code minutes} of working time on {@code days}; with no working days, plain time. */
    public Instant plus(Instant start, long minutes, Set<DayOfWeek> days) {
        if (days.isEmpty()) {
            return start.plus(Duration.ofMinutes(minutes));
        }
        return plus(start, minutes, day -> days.contains(day.getDayOfWeek()));
    }

    /**
     * {@code start} plus {@code minutes} of working time on the days {@code works} admits (a team's
     * calendar: the rep's weekdays, minus public holidays, plus make-up working days).
     */
    public Instant plus(Instant start, long minutes, Predicate<LocalDate> works) {
        ZonedDateTime t = start.atZone(zone);
        long remaining = minutes;
        for (int guard = 0; guard < 10_000; guard++) {
            if (!works.test(t.toLocalDate()) || !t.toLocalTime().isBefore(close)) {
                t = t.toLocalDate().plusDays(1).atTime(open).atZone(zone);
                continue;
            }
            if (t.toLocalTime().isBefore(open)) {
                t = t.toLocalDate().atTime(open).atZone(zone);
            }
            long available = Duration.between(t.toLocalTime(), close).toMinutes();
            if (remaining <= available) {
                return t.plusMinutes(remaining).toInstant();
            }
            remaining -= available;
            t = t.toLocalDate().plusDays(1).atTime(open).atZone(zone);
        }
        throw new IllegalStateException("No working time found within 10,000 days");
    }
}
