package dev.fairlead.insights.domain;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which period a scheduled report covers and whether it is due: a weekly report covers the Monday-to-Sunday
 * week before and is due from its chosen weekday on (1 = Monday … 7 = Sunday), a monthly one covers the month
 * before and is due from day 1 on. "From … on" lets a run that missed the day (a node down) catch up.
 */
public final class ReportCalendar {

    private ReportCalendar() {}

    public static Optional<Period> due(PeriodKind kind, Integer weekday, LocalDate today) {
        return switch (kind) {
            case WEEK -> weekday != null && today.getDayOfWeek().getValue() >= weekday
                    ? Optional.of(Period.week(today.minusWeeks(1)))
                    : Optional.empty();
            case MONTH -> Optional.of(Period.of(PeriodKind.MONTH, today.withDayOfMonth(1).minusDays(1)));
            default -> Optional.empty();
        };
    }
}
