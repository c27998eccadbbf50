package dev.fairlead.work.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingHoursTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkingHours NINE_TO_SIX = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0), SHANGHAI);
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Test
    void aTeamCalendarSkipsItsPublicHolidaysAndCountsItsMakeUpDays() {
        // Wednesday 30 September 2026 at 17:00; 1–7 October off, Saturday 10 October a make-up working day
        java.util.function.Predicate<java.time.LocalDate> works = day -> day.getMonthValue() == 10 && day.getDayOfMonth() <= 7 ? false
                : day.equals(java.time.LocalDate.of(2026, 10, 10)) || WEEKDAYS.contains(day.getDayOfWeek());
        assertThat(NINE_TO_SIX.plus(at("2026-09-30T17:00"), 120, works)).isEqualTo(at("2026-10-08T10:00"));
        assertThat(NINE_TO_SIX.plus(at("2026-10-09T17:00"), 120, works)).isEqualTo(at("2026-10-10T10:00"));
    }

    @Test
    void withinOneWorkingDay() {
        assertThat(NINE_TO_SIX.plus(at("2026-11-23T10:00"), 120, WEEKDAYS)).isEqualTo(at("2026-11-23T12:00"));
    }

    @Test
    void theRestCarriesOverToTheNextMorning() {
        assertThat(NINE_TO_SIX.plus(at("2026-11-23T17:00"), 120, WEEKDAYS)).isEqualTo(at("2026-11-24T10:00"));
    }

    @Test
    void aLeadAssignedOnFridayEveningIsDueOnMonday() {
        assertThat(NINE_TO_SIX.plus(at("2026-11-27T20:30"), 8 * 60, WEEKDAYS)).isEqualTo(at("2026-11-30T17:00"));
    }

    @Test
    void beforeOpeningTheClockStartsAtOpening() {
        assertThat(NINE_TO_SIX.plus(at("2026-11-24T06:00"), 30, WEEKDAYS)).isEqualTo(at("2026-11-24T09:30"));
    }

    @Test
    void aRepWorkingSaturdaysCountsThem() {
        Set<DayOfWeek> sixDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
        assertThat(NINE_TO_SIX.plus(at("2026-11-27T17:00"), 120, sixDays)).isEqualTo(at("2026-11-28T10:00"));
    }

    @Test
    void withoutWorkingDaysItIsPlainTime() {
        assertThat(NINE_TO_SIX.plus(at("2026-11-28T23:00"), 120, Set.of())).isEqualTo(at("2026-11-29T01:00"));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
