package dev.fairlead.org.demo;

import dev.fairlead.common.Viewer;
import dev.fairlead.org.DutyShiftCommand;
import dev.fairlead.org.Rep;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamHoursCommand;
import dev.fairlead.org.WorkingCalendarService;
import dev.fairlead.org.WorkingTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The demo company's working time, as a Chinese sales team keeps it: 09:00–18:00 in Shanghai with
 * the public holidays, leads that arrive off hours wait for the morning, and a duty rota (值班) —
 * two reps per team for the off-hours stretch the demo is loaded in (the demo login's rep among
 * them, so she has a real day whenever a newcomer starts the demo), and one rep per team on each
 * weekend or holiday day of the next two weeks, in turn.
 */
@Component
class DemoRota {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(18, 0);
    static final int DAYS_AHEAD = 14;

    private final WorkingCalendarService calendars;
    private final Clock clock;

    DemoRota(WorkingCalendarService calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    void plan(Team company, Map<Long, List<Rep>> repsByTeam) {
        Viewer system = Viewer.system();
        calendars.setHours(system, company.id(), new TeamHoursCommand(OPENS, CLOSES, SHANGHAI.getId(), true, true));
        WorkingTime time = calendars.workingTime();
        Instant now = clock.instant();
        for (Map.Entry<Long, List<Rep>> team : repsByTeam.entrySet()) {
            List<Rep> reps = team.getValue();
            Rep first = reps.get(0);
            Instant coveredUntil = now;
            if (!time.status(first.id(), first.teamId(), first.workingDays(), now).working()) {
                Instant opens = time.nextOpening(first.id(), first.teamId(), first.workingDays(), now).orElse(now.plus(Duration.ofDays(2)));
                coveredUntil = opens.isAfter(now.plus(Duration.ofDays(9))) ? now.plus(Duration.ofDays(9)) : opens;
                for (Rep rep : reps.subList(0, Math.min(2, reps.size()))) {
                    calendars.addShift(system, team.getKey(), new DutyShiftCommand(rep.id(), now.minus(Duration.ofHours(1)), coveredUntil,
                            "演示：当前非工作时间值班 Demo: on duty now"));
                }
            }
            LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
            for (int d = 1, turn = 2; d <= DAYS_AHEAD; d++) {
                LocalDate day = today.plusDays(d);
                Instant starts = day.atTime(OPENS).atZone(SHANGHAI).toInstant();
                Instant probe = day.atTime(12, 0).atZone(SHANGHAI).toInstant();
                if (!starts.isAfter(coveredUntil) || time.status(-1, first.teamId(), java.util.EnumSet.range(
                        java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY), probe).working()) {
                    continue;
                }
                Rep rep = reps.get(turn++ % reps.size());
                calendars.addShift(system, team.getKey(), new DutyShiftCommand(rep.id(), starts,
                        day.atTime(CLOSES).atZone(SHANGHAI).toInstant(), "周末/节假日值班 Weekend or holiday duty"));
            }
        }
    }
}
