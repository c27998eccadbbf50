package dev.fairlead.org.persistence;

import dev.fairlead.org.DutyShift;
import dev.fairlead.org.DutyShiftCommand;
import dev.fairlead.org.PublicHoliday;
import dev.fairlead.org.PublicHolidayCommand;
import dev.fairlead.org.TeamHours;
import dev.fairlead.org.TeamHoursCommand;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Team calendars, the public holiday calendar and duty shifts. */
@Repository
public class CalendarRepository {

    private static final String SHIFTS = """
            SELECT s.*, r.name AS rep_name FROM duty_shift s JOIN rep r ON r.id = s.rep_id
            """;

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, TeamHours> allHours() {
        return jdbc.sql("SELECT * FROM team_calendar").query(CalendarRepository::hours).list().stream()
                .collect(Collectors.toMap(TeamHours::teamId, h -> h));
    }

    public Optional<TeamHours> hours(long teamId) {
        return jdbc.sql("SELECT * FROM team_calendar WHERE team_id = :id").param("id", teamId).query(CalendarRepository::hours).optional();
    }

    public void putHours(long teamId, TeamHoursCommand cmd) {
        jdbc.sql("""
                INSERT INTO team_calendar (team_id, starts_at, ends_at, time_zone, public_holidays, hold_off_hours, updated_at)
                VALUES (:team, :starts, :ends, :zone, :holidays, :hold, now())
                ON CONFLICT (team_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                    time_zone = EXCLUDED.time_zone, public_holidays = EXCLUDED.public_holidays,
                    hold_off_hours = EXCLUDED.hold_off_hours, updated_at = now()
                """).param("team", teamId).param("starts", cmd.startsAt()).param("ends", cmd.endsAt()).param("zone", cmd.timeZone())
                .param("holidays", cmd.keepsPublicHolidays()).param("hold", cmd.holdsOffHours()).update();
    }

    public boolean deleteHours(long teamId) {
        return jdbc.sql("DELETE FROM team_calendar WHERE team_id = :id").param("id", teamId).update() > 0;
    }

    public Map<LocalDate, PublicHoliday> holidays() {
        return jdbc.sql("SELECT * FROM public_holiday").query(CalendarRepository::holiday).list().stream()
                .collect(Collectors.toMap(PublicHoliday::day, h -> h));
    }

    public List<PublicHoliday> holidays(int year) {
        return jdbc.sql("SELECT * FROM public_holiday WHERE day >= :from AND day < :to ORDER BY day")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query(CalendarRepository::holiday).list();
    }

    public Optional<PublicHoliday> holiday(LocalDate day) {
        return jdbc.sql("SELECT * FROM public_holiday WHERE day = :day").param("day", day).query(CalendarRepository::holiday).optional();
    }

    public void putHoliday(PublicHolidayCommand cmd) {
        jdbc.sql("""
                INSERT INTO public_holiday (day, working, name) VALUES (:day, :working, :name)
                ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name
                """).param("day", cmd.day()).param("working", cmd.workingDay()).param("name", cmd.name().strip()).update();
    }

    public boolean deleteHoliday(LocalDate day) {
        return jdbc.sql("DELETE FROM public_holiday WHERE day = :day").param("day", day).update() > 0;
    }

    /** Shifts that end after {@code after}, earliest first. */
    public List<DutyShift> shiftsEndingAfter(Instant after) {
        return jdbc.sql(SHIFTS + " WHERE s.ends_at > :after ORDER BY s.starts_at, s.id").param("after", Timestamp.from(after))
                .query(CalendarRepository::shift).list();
    }

    public List<DutyShift> shifts(long teamId, Instant after) {
        return jdbc.sql(SHIFTS + " WHERE s.team_id = :team AND s.ends_at > :after ORDER BY s.starts_at, s.id")
                .param("team", teamId).param("after", Timestamp.from(after)).query(CalendarRepository::shift).list();
    }

    public Optional<DutyShift> shift(long id) {
        return jdbc.sql(SHIFTS + " WHERE s.id = :id").param("id", id).query(CalendarRepository::shift).optional();
    }

    public boolean overlaps(long repId, Instant starts, Instant ends) {
        return jdbc.sql("SELECT count(*) FROM duty_shift WHERE rep_id = :rep AND starts_at < :ends AND ends_at > :starts")
                .param("rep", repId).param("starts", Timestamp.from(starts)).param("ends", Timestamp.from(ends))
                .query(Long.class).single() > 0;
    }

    public long insertShift(long teamId, DutyShiftCommand cmd, String createdBy) {
        return jdbc.sql("""
                INSERT INTO duty_shift (team_id, rep_id, starts_at, ends_at, note, created_by)
                VALUES (:team, :rep, :starts, :ends, :note, :by) RETURNING id
                """).param("team", teamId).param("rep", cmd.repId()).param("starts", Timestamp.from(cmd.startsAt()))
                .param("ends", Timestamp.from(cmd.endsAt())).param("note", cmd.note()).param("by", createdBy)
                .query(Long.class).single();
    }

    public boolean deleteShift(long id) {
        return jdbc.sql("DELETE FROM duty_shift WHERE id = :id").param("id", id).update() > 0;
    }

    private static TeamHours hours(ResultSet rs, int n) throws SQLException {
        return new TeamHours(rs.getLong("team_id"), rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime(),
                ZoneId.of(rs.getString("time_zone")), rs.getBoolean("public_holidays"), rs.getBoolean("hold_off_hours"), false);
    }

    private static PublicHoliday holiday(ResultSet rs, int n) throws SQLException {
        return new PublicHoliday(rs.getDate("day").toLocalDate(), rs.getBoolean("working"), rs.getString("name"));
    }

    private static DutyShift shift(ResultSet rs, int n) throws SQLException {
        return new DutyShift(rs.getLong("id"), rs.getLong("team_id"), rs.getLong("rep_id"), rs.getString("rep_name"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("note"),
                rs.getString("created_by"));
    }
}
