package dev.fairlead.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportCalendarTests {

    @Test
    void aWeeklyReportCoversTheWeekBeforeAndIsDueFromItsWeekdayOn() {
        LocalDate tuesday = LocalDate.of(2031, 3, 25);
        assertThat(ReportCalendar.due(PeriodKind.WEEK, 3, tuesday)).isEmpty();
        assertThat(ReportCalendar.due(PeriodKind.WEEK, 2, tuesday)).contains(Period.week(LocalDate.of(2031, 3, 17)));
        assertThat(ReportCalendar.due(PeriodKind.WEEK, 1, tuesday)).contains(Period.week(LocalDate.of(2031, 3, 17)));
        assertThat(ReportCalendar.due(PeriodKind.WEEK, 7, LocalDate.of(2031, 3, 30))).contains(Period.week(LocalDate.of(2031, 3, 17)));
        assertThat(ReportCalendar.due(PeriodKind.WEEK, null, tuesday)).isEmpty();
    }

    @Test
    void aMonthlyReportCoversTheMonthBeforeFromDayOneOn() {
        assertThat(ReportCalendar.due(PeriodKind.MONTH, null, LocalDate.of(2031, 1, 1))).contains(Period.month(2030, 12));
        assertThat(ReportCalendar.due(PeriodKind.MONTH, null, LocalDate.of(2031, 3, 31))).contains(Period.month(2031, 2));
        assertThat(ReportCalendar.due(PeriodKind.QUARTER, null, LocalDate.of(2031, 3, 31))).isEmpty();
    }
}
