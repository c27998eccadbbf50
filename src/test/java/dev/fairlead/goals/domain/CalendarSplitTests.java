package dev.fairlead.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.goals.domain.CalendarSplit.Method;
import dev.fairlead.goals.domain.CalendarSplit.Piece;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarSplitTests {

    private static final WorkingCalendar WEEKDAYS = WorkingCalendar.mondayToFriday();

    @Test
    void aYearHasTwelveMonthsAndFourQuarters() {
        assertThat(CalendarSplit.pieces(Period.year(2026), PeriodKind.MONTH, Method.EQUAL, WEEKDAYS, Seasonality.flat()))
                .extracting(p -> p.period().label())
                .containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08",
                        "2026-09", "2026-10", "2026-11", "2026-12");
        assertThat(CalendarSplit.pieces(Period.year(2026), PeriodKind.QUARTER, Method.EQUAL, WEEKDAYS, Seasonality.flat()))
                .hasSize(4);
    }

    @Test
    void weeksOfAMonthAreClippedToTheMonth() {
        List<Piece> weeks = CalendarSplit.pieces(Period.month(2026, 3), PeriodKind.WEEK, Method.WORKING_DAYS, WEEKDAYS, Seasonality.flat());
        // March 2026 starts on a Sunday: the first "week" is Sunday 1 March alone and has no working day
        assertThat(weeks.get(0).period().start()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(weeks).extracting(Piece::weight).containsExactly(
                bd(5), bd(5), bd(5), bd(5), bd(2));
        assertThat(weeks.get(weeks.size() - 1).period().end()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(weeks.get(weeks.size() - 1).period().isWhole()).isFalse();
    }

    @Test
    void daysAreOnlyTheWorkingDaysOfTheRep() {
        WorkingCalendar sixDaysWithLeave = new WorkingCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                Set.of(LocalDate.of(2026, 2, 2)));
        List<Piece> days = CalendarSplit.pieces(Period.month(2026, 2), PeriodKind.DAY, Method.EQUAL, sixDaysWithLeave, Seasonality.flat());
        // February 2026: 28 days, 4 Sundays, one day of leave
        assertThat(days).hasSize(23);
        assertThat(days).noneMatch(p -> p.period().start().getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(days).noneMatch(p -> p.period().start().equals(LocalDate.of(2026, 2, 2)));
    }

    @Test
    void seasonalityGivesEachMonthItsWeightAndWeeksTheirMonthsShareOfIt() {
        Seasonality curve = new Seasonality(List.of(bd(1), bd(1), bd(1), bd(1), bd(1), bd(1), bd(1), bd(1), bd(1), bd(1), bd(2), bd(4)));
        List<Piece> months = CalendarSplit.pieces(Period.year(2026), PeriodKind.MONTH, Method.SEASONALITY, WEEKDAYS, curve);
        assertThat(months.get(0).weight()).isEqualByComparingTo("1");
        assertThat(months.get(11).weight()).isEqualByComparingTo("4");

        Decomposition.Result split = Decomposition.split(new BigDecimal("1600000"), months.stream()
                .map(p -> Decomposition.Child.weighted(p.period().label(), p.weight())).toList(), 2);
        assertThat(split.shares().get(11).value()).isEqualByComparingTo("400000.00");
        assertThat(split.shares().get(10).value()).isEqualByComparingTo("200000.00");
        assertThat(split.total()).isEqualByComparingTo("1600000");

        // a week spanning two months takes a slice of each month's weight per working day
        List<Piece> weeks = CalendarSplit.pieces(Period.quarter(2026, 4), PeriodKind.WEEK, Method.SEASONALITY, WEEKDAYS, curve);
        BigDecimal total = weeks.stream().map(Piece::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total.doubleValue()).isCloseTo(7.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void workingDaysWeighMonthsByTheirWorkingDays() {
        List<Piece> months = CalendarSplit.pieces(Period.quarter(2026, 1), PeriodKind.MONTH, Method.WORKING_DAYS, WEEKDAYS, Seasonality.flat());
        assertThat(months).extracting(Piece::weight).containsExactly(bd(22), bd(20), bd(22));
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }
}
