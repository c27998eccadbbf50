package dev.fairlead.performance.persistence;

import dev.fairlead.common.Viewer;
import dev.fairlead.performance.Pip;
import dev.fairlead.performance.PipCheckIn;
import dev.fairlead.performance.PipGoal;
import dev.fairlead.performance.PipProgress;
import dev.fairlead.performance.PipStatus;
import dev.fairlead.performance.PipSuggestion;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans and their check-ins. Every read takes the viewer and keeps to the plan's readers in SQL: the
 * rep their own, a manager the reps of their team and the teams below it (by the rep's team now), a
 * director all. Admins and finance are refused before they get here.
 */
@Repository
public class PipRepository {

    private static final TypeReference<List<PipGoal>> GOALS = new TypeReference<>() {};

    private static final String SELECT = """
            SELECT p.*, r.name AS rep_name, t.name AS team_name FROM performance_pip p
            JOIN rep r ON r.id = p.rep_id JOIN team t ON t.id = r.team_id
            WHERE (:all OR r.id = :scopeRep OR r.team_id IN (SELECT team_subtree(:scopeTeam)))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PipRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Pip> list(Viewer viewer, Long repId, boolean runningOnly) {
        return scoped(SELECT + " AND (CAST(:repId AS bigint) IS NULL OR p.rep_id = :repId) AND (NOT :running OR p.status IN ('OPEN', 'EXTENDED'))"
                + " ORDER BY p.status IN ('OPEN', 'EXTENDED') DESC, p.opened_at DESC LIMIT 500", viewer)
                .param("repId", repId).param("running", runningOnly).query(this::row).list();
    }

    public Optional<Pip> find(Viewer viewer, long id) {
        return scoped(SELECT + " AND p.id = :id", viewer).param("id", id).query(this::row).optional()
                .map(p -> p.withCheckIns(checkIns(id)));
    }

    public boolean hasRunning(long repId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM performance_pip WHERE rep_id = :rep AND status IN ('OPEN', 'EXTENDED'))")
                .param("rep", repId).query(Boolean.class).single();
    }

    public long insert(long repId, long teamId, LocalDate startsOn, LocalDate endsOn, List<PipGoal> goals, String support,
            List<LocalDate> checkInDates, String actor, Instant at) {
        return jdbc.sql("""
                        INSERT INTO performance_pip (rep_id, team_id, starts_on, ends_on, goals, support, check_in_dates, status, opened_by, opened_at)
                        VALUES (:rep, :team, :starts, :ends, CAST(:goals AS jsonb), :support, CAST(:dates AS date[]), 'OPEN', :actor, :at)
                        RETURNING id""")
                .param("rep", repId).param("team", teamId).param("starts", Date.valueOf(startsOn)).param("ends", Date.valueOf(endsOn))
                .param("goals", json.writeValueAsString(goals)).param("support", support == null ? "" : support)
                .param("dates", dateArray(checkInDates)).param("actor", actor).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    public void insertCheckIn(long pipId, LocalDate on, PipProgress progress, String note, String actor, Instant at) {
        jdbc.sql("""
                        INSERT INTO performance_pip_check_in (pip_id, on_date, progress, note, recorded_by, recorded_at)
                        VALUES (:pip, :on, :progress, :note, :actor, :at)""")
                .param("pip", pipId).param("on", Date.valueOf(on)).param("progress", progress.name()).param("note", note)
                .param("actor", actor).param("at", Timestamp.from(at)).update();
    }

    /** Sets the outcome of a running plan; false when it is no longer running or was changed since {@code rowVersion}. */
    public boolean conclude(long id, PipStatus status, LocalDate endsOn, String note, String actor, Instant at, int rowVersion) {
        boolean closes = !status.running();
        return jdbc.sql("""
                        UPDATE performance_pip SET status = :status, ends_on = :ends, outcome_note = :note,
                            closed_by = CASE WHEN :closes THEN :actor END, closed_at = CASE WHEN :closes THEN CAST(:at AS timestamptz) END,
                            row_version = row_version + 1
                        WHERE id = :id AND status IN ('OPEN', 'EXTENDED') AND row_version = :rv""")
                .param("status", status.name()).param("ends", Date.valueOf(endsOn)).param("note", note).param("closes", closes)
                .param("actor", actor).param("at", Timestamp.from(at)).param("id", id).param("rv", rowVersion).update() == 1;
    }

    /**
     * Reps in the viewer's scope whose last {@code periods} frozen monthly scorecards all scored below
     * {@code below}, without a running plan.
     */
    public List<PipSuggestion> suggestions(Viewer viewer, BigDecimal below, int periods) {
        return jdbc.sql("""
                        WITH recent AS (
                            SELECT s.rep_id, s.period_start, s.total,
                                   row_number() OVER (PARTITION BY s.rep_id ORDER BY s.period_start DESC) AS n
                            FROM scorecard_snapshot s WHERE s.period_kind = 'MONTH')
                        SELECT r.id, r.name, t.name AS team_name,
                               array_agg(to_char(c.period_start, 'YYYY-MM') ORDER BY c.period_start) AS periods,
                               array_agg(c.total ORDER BY c.period_start) AS scores
                        FROM recent c JOIN rep r ON r.id = c.rep_id JOIN team t ON t.id = r.team_id
                        WHERE c.n <= :periods AND r.active
                          AND (:all OR r.id = :scopeRep OR r.team_id IN (SELECT team_subtree(:scopeTeam)))
                          AND NOT EXISTS (SELECT 1 FROM performance_pip p WHERE p.rep_id = r.id AND p.status IN ('OPEN', 'EXTENDED'))
                        GROUP BY r.id, r.name, t.name
                        HAVING count(*) = :periods AND bool_and(c.total < :below)
                        ORDER BY max(c.total), r.name""")
                .param("periods", periods).param("below", below).param("all", viewer.seesAll())
                .param("scopeRep", viewer.scopeRepId()).param("scopeTeam", viewer.scopeTeamId())
                .query((rs, i) -> new PipSuggestion(rs.getLong("id"), rs.getString("name"), rs.getString("team_name"),
                        Arrays.asList((String[]) rs.getArray("periods").getArray()),
                        Arrays.asList((BigDecimal[]) rs.getArray("scores").getArray())))
                .list();
    }

    private List<PipCheckIn> checkIns(long pipId) {
        return jdbc.sql("SELECT * FROM performance_pip_check_in WHERE pip_id = :pip ORDER BY on_date, id").param("pip", pipId)
                .query((rs, i) -> new PipCheckIn(rs.getLong("id"), rs.getDate("on_date").toLocalDate(),
                        PipProgress.valueOf(rs.getString("progress")), rs.getString("note"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private JdbcClient.StatementSpec scoped(String sql, Viewer viewer) {
        return jdbc.sql(sql).param("all", viewer.seesAll()).param("scopeRep", viewer.scopeRepId()).param("scopeTeam", viewer.scopeTeamId());
    }

    private static String dateArray(List<LocalDate> dates) {
        return "{" + String.join(",", dates.stream().map(LocalDate::toString).toList()) + "}";
    }

    private Pip row(ResultSet rs, int i) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new Pip(rs.getLong("id"), rs.getLong("rep_id"), rs.getString("rep_name"), rs.getLong("team_id"), rs.getString("team_name"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), json.readValue(rs.getString("goals"), GOALS),
                rs.getString("support"), dates(rs.getArray("check_in_dates")), PipStatus.valueOf(rs.getString("status")),
                rs.getString("outcome_note"), rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant(), rs.getString("closed_by"),
                closedAt == null ? null : closedAt.toInstant(), List.of(), rs.getInt("row_version"));
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        List<LocalDate> dates = new ArrayList<>();
        for (Object d : (Object[]) array.getArray()) {
            dates.add(d instanceof Date date ? date.toLocalDate() : LocalDate.parse(d.toString()));
        }
        return dates;
    }
}
