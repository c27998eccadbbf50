package dev.fairlead.org;

import java.time.DayOfWeek;
import java.util.Set;

/** A rep's team and working days: what a deadline in working hours needs, read in one statement. */
public record RepSchedule(long repId, long teamId, Set<DayOfWeek> workingDays) {}
