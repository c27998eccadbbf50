package dev.fairlead.org;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who works when, as of one read of the calendars: each team's hours (its own or the nearest team's
 * above it), the public holidays and the duty shifts. Pure: it reads no clock and no database, so
 * routing asks it about the instant it decides at, and a test about any instant it likes.
 */
public final class WorkingTime {

    /** Days looked ahead for the next working period; a rep with none in that span is not waited for. */
    static final int LOOK_AHEAD_DAYS = 31;

    /** Whether a rep may take a lead at an instant, and if not, why (a message key under {@code routing.reason.} and its arguments). */
    public sealed interface Status {
        record Open() implements Status {}

        record OnDuty(DutyShift shift) implements Status {}

        record Closed(String code, List<String> args) implements Status {}

        default boolean working() {
            return !(this instanceof Closed);
        }
    }

    private static final Status OPEN = new Status.Open();

    private final Map<Long, TeamHours> own;
    private final Map<Long, List<Long>> ancestry;
    private final Map<LocalDate, PublicHoliday> holidays;
    private final List<DutyShift> shifts;
    private final ZoneId defaultZone;

    /**
     * @param own calendars teams set themselves, by team id
     * @param ancestry for each team: its id and the ids above it, nearest first
     * @param holidays the public holiday calendar by day
     * @param shifts duty shifts (those that have not ended are enough)
     * @param defaultZone the zone of teams without a calendar
     */
    public WorkingTime(Map<Long, TeamHours> own, Map<Long, List<Long>> ancestry, Map<LocalDate, PublicHoliday> holidays,
            List<DutyShift> shifts, ZoneId defaultZone) {
        this.own = Map.copyOf(own);
        this.ancestry = Map.copyOf(ancestry);
        this.holidays = Map.copyOf(holidays);
        this.shifts = List.copyOf(shifts);
        this.defaultZone = defaultZone;
    }

    /** The calendar a team works by: its own, or the nearest one above it, or every hour. */
    public TeamHours hoursOf(long teamId) {
        for (long id : ancestry.getOrDefault(teamId, List.of(teamId))) {
            TeamHours hours = own.get(id);
            if (hours != null) {
                return hours.inheritedBy(teamId);
            }
        }
        return TeamHours.allDay(teamId, defaultZone);
    }

    /** Whether the rep (of {@code teamId}, working {@code days} of the week) takes leads at {@code at}. */
    public Status status(long repId, long teamId, java.util.Set<DayOfWeek> days, Instant at) {
        for (DutyShift shift : shifts) {
            if (shift.repId() == repId && shift.covers(at)) {
                return new Status.OnDuty(shift);
            }
        }
        TeamHours hours = hoursOf(teamId);
        ZonedDateTime local = at.atZone(hours.zone());
        LocalDate day = local.toLocalDate();
        PublicHoliday holiday = hours.publicHolidays() ? holidays.get(day) : null;
        if (holiday != null && !holiday.working()) {
            return new Status.Closed("publicHoliday", List.of(holiday.name()));
        }
        if (holiday == null && !days.contains(day.getDayOfWeek())) {
            return new Status.Closed("notWorkingDay", List.of(day.getDayOfWeek().name()));
        }
        if (!within(hours, local.toLocalTime())) {
            return new Status.Closed("outsideWorkingHours", List.of(hours.startsAt().toString(), hours.endsAt().toString(),
                    hours.zone().getId()));
        }
        return OPEN;
    }

    /** The next instant after {@code after} when the rep starts taking leads (a working period or a duty shift), if within a month. */
    public Optional<Instant> nextOpening(long repId, long teamId, java.util.Set<DayOfWeek> days, Instant after) {
        Instant best = null;
        for (DutyShift shift : shifts) {
            if (shift.repId() == repId && shift.startsAt().isAfter(after) && (best == null || shift.startsAt().isBefore(best))) {
                best = shift.startsAt();
            }
        }
        TeamHours hours = hoursOf(teamId);
        ZonedDateTime local = after.atZone(hours.zone());
        for (int i = 0; i <= LOOK_AHEAD_DAYS; i++) {
            LocalDate day = local.toLocalDate().plusDays(i);
            if (!worksOn(hours, days, day)) {
                continue;
            }
            Instant opens = day.atTime(hours.startsAt()).atZone(hours.zone()).toInstant();
            if (i == 0 && !opens.isAfter(after)) {
                if (!within(hours, local.toLocalTime())) {
                    continue;
                }
                opens = after;
            }
            return Optional.of(best == null || opens.isBefore(best) ? opens : best);
        }
        return Optional.ofNullable(best);
    }

    /** Whether a rep of the team who works {@code days} of the week works on {@code day} (holidays and make-up days counted). */
    public boolean worksOn(long teamId, java.util.Set<DayOfWeek> days, LocalDate day) {
        return worksOn(hoursOf(teamId), days, day);
    }

    private boolean worksOn(TeamHours hours, java.util.Set<DayOfWeek> days, LocalDate day) {
        PublicHoliday holiday = hours.publicHolidays() ? holidays.get(day) : null;
        return holiday != null ? holiday.working() : days.contains(day.getDayOfWeek());
    }

    private static boolean within(TeamHours hours, LocalTime time) {
        return !time.isBefore(hours.startsAt()) && (hours.endsAt().equals(LocalTime.MAX) || time.isBefore(hours.endsAt()));
    }
}
