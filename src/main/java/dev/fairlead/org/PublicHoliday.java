package dev.fairlead.org;

import java.time.LocalDate;

/** A day of mainland China's holiday calendar: a day off, or a make-up working day (调休) on a weekend. */
public record PublicHoliday(LocalDate day, boolean working, String name) {}
