package dev.fairlead.goals.domain;

import dev.fairlead.common.Period;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** The days someone works: weekdays they work on, minus days off (absences). */
public record WorkingCalendar(Set<DayOfWeek> workingDays, Set<LocalDate> daysOff) {

    public WorkingCalendar {
        workingDays = workingDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(workingDays);
        daysOff = Set.copyOf(daysOff);
    }

    /** Monday to Friday, no days off. */
    public static WorkingCalendar mondayToFriday() {
        return new WorkingCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
    }

    public boolean works(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !daysOff.contains(day);
    }

    /** Working days from {@code from} (inclusive) to {@code until} (exclusive). */
    public int count(LocalDate from, LocalDate until) {
        int n = 0;
        for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
            n += works(d) ? 1 : 0;
        }
        return n;
    }

    public int count(Period period) {
        return count(period.start(), period.end());
    }
}
