package dev.fairlead.insights;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import java.time.LocalDate;

/**
 * Which figures to show: the week, month or quarter containing {@code on} (default today, company time
 * zone) and, optionally, one team's subtree within the viewer's scope.
 */
public record DashboardFilter(PeriodKind kind, LocalDate on, Long teamId) {

    public DashboardFilter {
        kind = kind == null ? PeriodKind.MONTH : kind;
        if (kind != PeriodKind.WEEK && kind != PeriodKind.MONTH && kind != PeriodKind.QUARTER) {
            throw dev.fairlead.common.InvalidInputException.of("period", "insights.invalid.period");
        }
    }

    public Period period(LocalDate today) {
        return Period.of(kind, on == null ? today : on);
    }
}
