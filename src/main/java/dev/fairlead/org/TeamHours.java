package dev.fairlead.org;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a team works: its hours in its time zone, whether it keeps mainland China's public holidays
 * (and their make-up working days), and whether a lead that arrives when nobody can take it waits
 * for the next working period ({@code holdOffHours}) rather than going to the pool.
 *
 * @param teamId the team whose calendar this is (for an inherited one: the team above it that set it)
 * @param inherited true when the asked-for team has no calendar of its own
 */
public record TeamHours(long teamId, LocalTime startsAt, LocalTime endsAt, ZoneId zone, boolean publicHolidays,
        boolean holdOffHours, boolean inherited) {

    /** A team nobody gave a calendar, nor any team above it: every hour of the days its reps work. */
    public static TeamHours allDay(long teamId, ZoneId zone) {
        return new TeamHours(teamId, LocalTime.MIDNIGHT, LocalTime.MAX, zone, false, true, true);
    }

    public boolean allDay() {
        return startsAt.equals(LocalTime.MIDNIGHT) && endsAt.equals(LocalTime.MAX);
    }

    TeamHours inheritedBy(long team) {
        return team == teamId ? this : new TeamHours(teamId, startsAt, endsAt, zone, publicHolidays, holdOffHours, true);
    }
}
