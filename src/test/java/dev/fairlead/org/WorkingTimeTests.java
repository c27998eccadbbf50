package dev.fairlead.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingTimeTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final long COMPANY = 1;
    static final long TEAM = 2;
    static final long REP = 10;

    static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    static WorkingTime time(List<DutyShift> shifts) {
        TeamHours company = new TeamHours(COMPANY, LocalTime.of(9, 0), LocalTime.of(18, 0), SHANGHAI, true, true, false);
        Map<LocalDate, PublicHoliday> holidays = Map.of(
                LocalDate.of(2026, 10, 1), new PublicHoliday(LocalDate.of(2026, 10, 1), false, "国庆节"),
                LocalDate.of(2026, 10, 10), new PublicHoliday(LocalDate.of(2026, 10, 10), true, "国庆节调休"));
        return new WorkingTime(Map.of(COMPANY, company), Map.of(TEAM, List.of(TEAM, COMPANY)), holidays, shifts, ZoneId.of("UTC"));
    }

    @Test
    void aTeamWorksByTheCalendarAboveItAndATeamWithNoneAtAnyHour() {
        WorkingTime time = time(List.of());
        assertThat(time.hoursOf(TEAM).inherited()).isTrue();
        assertThat(time.hoursOf(TEAM).startsAt()).isEqualTo(LocalTime.of(9, 0));
        assertThat(time.hoursOf(99).allDay()).isTrue();
        assertThat(time.status(REP, 99, WEEKDAYS, at("2026-12-07T23:30")).working()).isTrue();
        assertThat(time.status(REP, 99, WEEKDAYS, at("2026-12-12T10:00")))
                .isEqualTo(new WorkingTime.Status.Closed("notWorkingDay", List.of("SATURDAY")));
    }

    @Test
    void saysWhyARepIsOffAtAnInstant() {
        WorkingTime time = time(List.of());
        assertThat(time.status(REP, TEAM, WEEKDAYS, at("2026-12-07T10:00")).working()).isTrue();
        assertThat(time.status(REP, TEAM, WEEKDAYS, at("2026-12-07T18:00")))
                .isEqualTo(new WorkingTime.Status.Closed("outsideWorkingHours", List.of("09:00", "18:00", "Asia/Shanghai")));
        assertThat(time.status(REP, TEAM, WEEKDAYS, at("2026-12-07T08:59")).working()).isFalse();
        assertThat(time.status(REP, TEAM, WEEKDAYS, at("2026-10-01T10:00")))
                .isEqualTo(new WorkingTime.Status.Closed("publicHoliday", List.of("国庆节")));
        // a make-up working day on a Saturday
        assertThat(time.status(REP, TEAM, WEEKDAYS, at("2026-10-10T10:00")).working()).isTrue();
    }

    @Test
    void aDutyShiftOverridesTheCalendar() {
        DutyShift shift = new DutyShift(1, TEAM, REP, "李娜", at("2026-12-12T09:00"), at("2026-12-12T18:00"), null, "manager");
        WorkingTime time = time(List.of(shift));
        assertThat(time.status(REP, TEAM, WEEKDAYS, at("2026-12-12T12:00"))).isEqualTo(new WorkingTime.Status.OnDuty(shift));
        assertThat(time.status(REP + 1, TEAM, WEEKDAYS, at("2026-12-12T12:00")).working()).isFalse();
        assertThat(time.status(REP, TEAM, WEEKDAYS, at("2026-12-12T18:00")).working()).isFalse();
        // Friday night: the shift on Saturday morning comes before Monday
        assertThat(time.nextOpening(REP, TEAM, WEEKDAYS, at("2026-12-11T22:00"))).contains(at("2026-12-12T09:00"));
        assertThat(time.nextOpening(REP + 1, TEAM, WEEKDAYS, at("2026-12-11T22:00"))).contains(at("2026-12-14T09:00"));
    }

    @Test
    void findsTheNextWorkingPeriod() {
        WorkingTime time = time(List.of());
        assertThat(time.nextOpening(REP, TEAM, WEEKDAYS, at("2026-12-12T22:30"))).contains(at("2026-12-14T09:00"));
        assertThat(time.nextOpening(REP, TEAM, WEEKDAYS, at("2026-12-08T07:00"))).contains(at("2026-12-08T09:00"));
        assertThat(time.nextOpening(REP, TEAM, WEEKDAYS, at("2026-12-08T19:00"))).contains(at("2026-12-09T09:00"));
        // National Day: off until the 8th; the make-up Saturday 10th is a working day
        assertThat(time.nextOpening(REP, TEAM, WEEKDAYS, at("2026-09-30T20:00"))).contains(at("2026-10-02T09:00"));
        assertThat(time.nextOpening(REP, TEAM, WEEKDAYS, at("2026-10-09T20:00"))).contains(at("2026-10-10T09:00"));
        assertThat(time.nextOpening(REP, TEAM, Set.of(), at("2026-12-08T19:00"))).isEmpty();
    }
}
