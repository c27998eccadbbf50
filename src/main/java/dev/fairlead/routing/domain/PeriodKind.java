package dev.fairlead.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The period fairness points are counted in; points reset (or decay) when a new one starts. */
public enum PeriodKind {
    WEEK, MONTH;

    public LocalDate start(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    public LocalDate previousStart(LocalDate day) {
        return this == WEEK ? start(day).minusWeeks(1) : start(day).minusMonths(1);
    }
}
