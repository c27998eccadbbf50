package dev.fairlead.performance.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.common.Viewer;
import dev.fairlead.performance.PointsAction;
import dev.fairlead.performance.PointsEntry;
import dev.fairlead.performance.PointsLedger;
import dev.fairlead.performance.PointsPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The points policy and ledger. A credited line is unique by (reason, source record), so inserting it
 * again answers false and changes nothing. Ledger reads are scoped in SQL by the rep's current team
 * (decision 0002): a rep their own lines, a manager their team and below, everyone else all.
 */
@Repository
public class PointsRepository {

    private static final String SCOPE = "(:all OR r.team_id IN (SELECT team_subtree(:scopeTeam)) OR r.id = :scopeRep)";
    private static final String SELECT = """
            SELECT p.*, r.name AS rep_name, r.team_id, t.name AS team_name
            FROM points_entry p JOIN rep r ON r.id = p.rep_id JOIN team t ON t.id = r.team_id
            """;

    private final JdbcClient jdbc;

    PointsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Points per action, and who changed the policy last and when (null before any change). */
    public PointsPolicy policy() {
        Map<PointsAction, Integer> points = new EnumMap<>(PointsAction.class);
        String[] by = {null};
        Instant[] at = {null};
        jdbc.sql("SELECT action, points, updated_by, updated_at FROM points_policy ORDER BY updated_at NULLS FIRST").query(rs -> {
            points.put(PointsAction.valueOf(rs.getString("action")), rs.getInt("points"));
            if (rs.getTimestamp("updated_at") != null) {
                by[0] = rs.getString("updated_by");
                at[0] = instant(rs, "updated_at");
            }
        });
        return new PointsPolicy(points, by[0], at[0]);
    }

    public void setPolicy(PointsAction action, int points, String actor, Instant at) {
        jdbc.sql("UPDATE points_policy SET points = :points, updated_by = :actor, updated_at = :at WHERE action = :action")
                .param("points", points).param("actor", actor).param("at", Timestamp.from(at)).param("action", action.name()).update();
    }

    /** Credits a line from a source record unless that record credited already; true when this call credited it. */
    public boolean credit(long repId, int points, PointsAction reason, String sourceType, long sourceId, Instant occurredAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO points_entry (rep_id, points, reason, source_type, source_id, occurred_at, recorded_at)
                        VALUES (:rep, :points, :reason, :type, :source, :occurred, :now)
                        ON CONFLICT (reason, source_id) WHERE source_id IS NOT NULL DO NOTHING
                        """)
                .param("rep", repId).param("points", points).param("reason", reason.name()).param("type", sourceType)
                .param("source", sourceId).param("occurred", Timestamp.from(occurredAt)).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public long award(long repId, int points, String note, String grantedBy, Instant now) {
        return jdbc.sql("""
                        INSERT INTO points_entry (rep_id, points, reason, note, granted_by, occurred_at, recorded_at)
                        VALUES (:rep, :points, 'AWARD', :note, :by, :now, :now) RETURNING id
                        """)
                .param("rep", repId).param("points", points).param("note", note).param("by", grantedBy).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    public PointsEntry find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(PointsRepository::entry).single();
    }

    /**
     * The viewer's visible lines between two instants (end exclusive), newest first, optionally of
     * one rep or of a team and its sub-teams; at most {@code limit}.
     */
    public List<PointsEntry> entries(Viewer viewer, Long repId, Long teamId, Instant from, Instant until, int limit) {
        return jdbc.sql(SELECT + " WHERE " + SCOPE + FILTER + " ORDER BY p.occurred_at DESC, p.id DESC LIMIT :limit")
                .params(scope(viewer)).params(filter(repId, teamId, from, until)).param("limit", limit)
                .query(PointsRepository::entry).list();
    }

    /** Totals per rep of the viewer's visible lines in the window (same filters), highest first. */
    public List<PointsLedger.RepTotal> totals(Viewer viewer, Long repId, Long teamId, Instant from, Instant until) {
        return jdbc.sql("""
                        SELECT r.id, r.name, t.name AS team_name, sum(p.points) AS points
                        FROM points_entry p JOIN rep r ON r.id = p.rep_id JOIN team t ON t.id = r.team_id
                        WHERE """ + SCOPE + FILTER + " GROUP BY r.id, r.name, t.name ORDER BY points DESC, r.name")
                .params(scope(viewer)).params(filter(repId, teamId, from, until))
                .query((rs, n) -> new PointsLedger.RepTotal(rs.getLong("id"), rs.getString("name"), rs.getString("team_name"),
                        rs.getLong("points"))).list();
    }

    /** Points per rep in the window, for the system (leaderboards rank what they are allowed to show). */
    public Map<Long, Long> sums(Collection<Long> repIds, Instant from, Instant until) {
        Map<Long, Long> sums = new HashMap<>();
        if (repIds.isEmpty()) {
            return sums;
        }
        jdbc.sql("""
                        SELECT rep_id, sum(points) AS points FROM points_entry
                        WHERE rep_id = ANY(CAST(:reps AS bigint[])) AND occurred_at >= :from AND occurred_at < :until GROUP BY rep_id
                        """)
                .param("reps", SqlArrays.bigint(List.copyOf(repIds))).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query(rs -> {
                    sums.put(rs.getLong("rep_id"), rs.getLong("points"));
                });
        return sums;
    }

    private static final String FILTER = """
             AND (CAST(:rep AS bigint) IS NULL OR p.rep_id = :rep)
             AND (CAST(:team AS bigint) IS NULL OR r.team_id IN (SELECT team_subtree(:team)))
             AND p.occurred_at >= :from AND p.occurred_at < :until""";

    private static Map<String, Object> filter(Long repId, Long teamId, Instant from, Instant until) {
        Map<String, Object> p = new HashMap<>();
        p.put("rep", repId);
        p.put("team", teamId);
        p.put("from", Timestamp.from(from));
        p.put("until", Timestamp.from(until));
        return p;
    }

    private static Map<String, Object> scope(Viewer viewer) {
        return Map.of("all", viewer.seesAll(), "scopeTeam", viewer.scopeTeamId(), "scopeRep", viewer.scopeRepId());
    }

    private static PointsEntry entry(ResultSet rs, int n) throws SQLException {
        long source = rs.getLong("source_id");
        Long sourceId = rs.wasNull() ? null : source;
        return new PointsEntry(rs.getLong("id"), rs.getLong("rep_id"), rs.getString("rep_name"), rs.getLong("team_id"), rs.getString("team_name"),
                rs.getInt("points"), PointsAction.valueOf(rs.getString("reason")), rs.getString("source_type"), sourceId, rs.getString("note"),
                rs.getString("granted_by"), instant(rs, "occurred_at"), instant(rs, "recorded_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
