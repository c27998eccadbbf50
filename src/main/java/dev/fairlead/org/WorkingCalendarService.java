package dev.fairlead.org;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.persistence.CalendarRepository;
import dev.fairlead.org.persistence.TeamRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When teams work: their hours and time zone, the public holiday calendar of mainland China, and
 * duty shifts (值班). Managers set their teams' calendars and rotas; directors and admins the holiday
 * calendar. Routing reads it all at once as a {@link WorkingTime}, kept in memory until the
 * organisation's version moves (calendar tables move it like reps and teams do).
 */
@Service
public class WorkingCalendarService {

    /** Longest duty shift accepted: a long weekend or a holiday week is covered by several. */
    static final Duration MAX_SHIFT = Duration.ofDays(10);

    private record Cached(long version, WorkingTime time) {}

    private final CalendarRepository calendars;
    private final TeamRepository teams;
    private final TeamService teamService;
    private final RepService reps;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;
    private volatile Cached cached = new Cached(Long.MIN_VALUE, null);

    WorkingCalendarService(CalendarRepository calendars, TeamRepository teams, TeamService teamService, RepService reps,
            AuditTrail audit, Validator validator, Clock clock) {
        this.calendars = calendars;
        this.teams = teams;
        this.teamService = teamService;
        this.reps = reps;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /** Every team's calendar, the holidays and the shifts not yet over, as of the organisation's current version. */
    @Transactional(readOnly = true)
    public WorkingTime workingTime() {
        long version = reps.rosterVersion();
        Cached current = cached;
        if (current.version() != version) {
            List<Long> ids = teams.findVisible(Viewer.system(), true).stream().map(Team::id).toList();
            current = new Cached(version, new WorkingTime(calendars.allHours(), teams.ancestry(ids), calendars.holidays(),
                    calendars.shiftsEndingAfter(clock.instant().minus(Duration.ofDays(1))), clock.getZone()));
            cached = current;
        }
        return current.time();
    }

    /** The calendar the team works by (its own or inherited); 404 outside the viewer's scope. */
    @Transactional(readOnly = true)
    public TeamHours hours(Viewer viewer, long teamId) {
        teamService.get(viewer, teamId);
        return workingTime().hoursOf(teamId);
    }

    @Transactional
    public TeamHours setHours(Viewer viewer, long teamId, TeamHoursCommand cmd) {
        TeamService.requireOrgRole(viewer);
        teamService.get(viewer, teamId);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (problems.isEmpty() && !cmd.endsAt().isAfter(cmd.startsAt())) {
            problems.add(FieldProblem.of("endsAt", "calendar.endsBeforeStart"));
        }
        if (problems.isEmpty()) {
            try {
                ZoneId.of(cmd.timeZone().strip());
            } catch (DateTimeException e) {
                problems.add(FieldProblem.of("timeZone", "calendar.timeZone.unknown", cmd.timeZone()));
            }
        }
        Validation.throwIfAny(problems);
        TeamHours before = calendars.hours(teamId).orElse(null);
        TeamHoursCommand clean = new TeamHoursCommand(cmd.startsAt(), cmd.endsAt(), cmd.timeZone().strip(), cmd.publicHolidays(),
                cmd.holdOffHours());
        calendars.putHours(teamId, clean);
        TeamHours after = calendars.hours(teamId).orElseThrow();
        audit.record(before == null ? Change.created("team_calendar", teamId, teamId, null, after)
                : Change.updated("team_calendar", teamId, teamId, null, before, after));
        return after;
    }

    /** The team works by the calendar above it again (nothing changes when it had none of its own). */
    @Transactional
    public TeamHours clearHours(Viewer viewer, long teamId) {
        TeamService.requireOrgRole(viewer);
        teamService.get(viewer, teamId);
        calendars.hours(teamId).ifPresent(before -> {
            calendars.deleteHours(teamId);
            audit.record(Change.updated("team_calendar", teamId, teamId, null, before, null).as("DELETE"));
        });
        return hours(viewer, teamId);
    }

    @Transactional(readOnly = true)
    public List<PublicHoliday> holidays(Integer year) {
        return calendars.holidays(year == null ? LocalDate.now(clock).getYear() : year);
    }

    @Transactional
    public PublicHoliday putHoliday(Viewer viewer, PublicHolidayCommand cmd) {
        requireCompanyRules(viewer);
        Validation.throwIfAny(Validation.check(validator, cmd));
        PublicHoliday before = calendars.holiday(cmd.day()).orElse(null);
        calendars.putHoliday(cmd);
        PublicHoliday after = calendars.holiday(cmd.day()).orElseThrow();
        audit.record(before == null ? Change.created("public_holiday", cmd.day(), null, null, after)
                : Change.updated("public_holiday", cmd.day(), null, null, before, after));
        return after;
    }

    @Transactional
    public void deleteHoliday(Viewer viewer, LocalDate day) {
        requireCompanyRules(viewer);
        PublicHoliday before = calendars.holiday(day).orElseThrow(() -> new NotFoundException("public_holiday", day));
        calendars.deleteHoliday(day);
        audit.record(Change.updated("public_holiday", day, null, null, before, null).as("DELETE"));
    }

    /** The team's duty shifts that have not ended yet, earliest first. */
    @Transactional(readOnly = true)
    public List<DutyShift> shifts(Viewer viewer, long teamId) {
        teamService.get(viewer, teamId);
        return calendars.shifts(teamId, clock.instant());
    }

    @Transactional
    public DutyShift addShift(Viewer viewer, long teamId, DutyShiftCommand cmd) {
        TeamService.requireOrgRole(viewer);
        teamService.get(viewer, teamId);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (problems.isEmpty()) {
            Rep rep = visibleRep(viewer, cmd.repId());
            if (rep == null || !teams.inSubtree(teamId, rep.teamId())) {
                problems.add(FieldProblem.of("repId", "calendar.shift.repNotInTeam", cmd.repId()));
            } else if (!rep.active()) {
                problems.add(FieldProblem.of("repId", "calendar.shift.repInactive", rep.name()));
            }
            if (!cmd.endsAt().isAfter(cmd.startsAt())) {
                problems.add(FieldProblem.of("endsAt", "calendar.endsBeforeStart"));
            } else if (Duration.between(cmd.startsAt(), cmd.endsAt()).compareTo(MAX_SHIFT) > 0) {
                problems.add(FieldProblem.of("endsAt", "calendar.shift.tooLong", MAX_SHIFT.toDays()));
            } else if (!cmd.endsAt().isAfter(clock.instant())) {
                problems.add(FieldProblem.of("endsAt", "calendar.shift.inThePast"));
            } else if (problems.isEmpty() && calendars.overlaps(cmd.repId(), cmd.startsAt(), cmd.endsAt())) {
                problems.add(FieldProblem.of("startsAt", "calendar.shift.overlaps"));
            }
        }
        Validation.throwIfAny(problems);
        long id = calendars.insertShift(teamId, cmd, viewer.username());
        DutyShift shift = calendars.shift(id).orElseThrow();
        audit.record(Change.created("duty_shift", id, teamId, shift.repId(), shift));
        return shift;
    }

    @Transactional
    public void removeShift(Viewer viewer, long teamId, long shiftId) {
        TeamService.requireOrgRole(viewer);
        teamService.get(viewer, teamId);
        DutyShift shift = calendars.shift(shiftId).filter(s -> s.teamId() == teamId)
                .orElseThrow(() -> new NotFoundException("duty_shift", shiftId));
        calendars.deleteShift(shiftId);
        audit.record(Change.updated("duty_shift", shiftId, teamId, shift.repId(), shift, null).as("DELETE"));
    }

    private Rep visibleRep(Viewer viewer, long repId) {
        try {
            return reps.get(viewer, repId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static void requireCompanyRules(Viewer viewer) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Role " + viewer.role() + " cannot change the public holiday calendar");
        }
    }
}
