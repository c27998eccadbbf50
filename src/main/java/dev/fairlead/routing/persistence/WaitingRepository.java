package dev.fairlead.routing.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Leads held for working hours (table {@code routing_waiting}). */
@Repository
public class WaitingRepository {

    public record Row(long leadId, Instant arrivedAt, Instant routeAfter, Instant heldAt, List<Long> teamIds) {}

    private final JdbcClient jdbc;

    WaitingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void hold(long leadId, Instant arrivedAt, Instant routeAfter, Collection<Long> teamIds, Instant now) {
        jdbc.sql("""
                INSERT INTO routing_waiting (lead_id, arrived_at, route_after, held_at, team_ids)
                VALUES (:lead, :arrived, :after, :now, CAST(:teams AS bigint[]))
                ON CONFLICT (lead_id) DO UPDATE SET route_after = EXCLUDED.route_after, held_at = EXCLUDED.held_at,
                    team_ids = EXCLUDED.team_ids
                """).param("lead", leadId).param("arrived", Timestamp.from(arrivedAt)).param("after", Timestamp.from(routeAfter))
                .param("now", Timestamp.from(now)).param("teams", array(teamIds))
                .update();
    }

    /** Leads whose wait is over at {@code now}, in arrival order. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT lead_id FROM routing_waiting WHERE route_after <= :now ORDER BY arrived_at, lead_id LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /** Takes a lead off the queue under its row lock (skipped when another node has it); empty when gone. */
    public Optional<Row> take(long leadId) {
        Optional<Row> row = jdbc.sql("SELECT * FROM routing_waiting WHERE lead_id = :lead FOR UPDATE SKIP LOCKED")
                .param("lead", leadId).query(WaitingRepository::row).optional();
        row.ifPresent(r -> jdbc.sql("DELETE FROM routing_waiting WHERE lead_id = :lead").param("lead", leadId).update());
        return row;
    }

    public Optional<Row> find(long leadId) {
        return jdbc.sql("SELECT * FROM routing_waiting WHERE lead_id = :lead").param("lead", leadId).query(WaitingRepository::row).optional();
    }

    public void remove(long leadId) {
        jdbc.sql("DELETE FROM routing_waiting WHERE lead_id = :lead").param("lead", leadId).update();
    }

    /** Waiting leads, in arrival order; for the teams given (any of the lead's), or all when {@code teamIds} is null. */
    public List<Row> list(Collection<Long> teamIds, int limit) {
        if (teamIds != null && teamIds.isEmpty()) {
            return List.of();
        }
        String where = teamIds == null ? "" : " WHERE team_ids && CAST(:teams AS bigint[])";
        var spec = jdbc.sql("SELECT * FROM routing_waiting" + where + " ORDER BY arrived_at, lead_id LIMIT :limit").param("limit", limit);
        if (teamIds != null) {
            spec = spec.param("teams", array(teamIds));
        }
        return spec.query(WaitingRepository::row).list();
    }

    public long count(Collection<Long> teamIds) {
        if (teamIds != null && teamIds.isEmpty()) {
            return 0;
        }
        String where = teamIds == null ? "" : " WHERE team_ids && CAST(:teams AS bigint[])";
        var spec = jdbc.sql("SELECT count(*) FROM routing_waiting" + where);
        if (teamIds != null) {
            spec = spec.param("teams", array(teamIds));
        }
        return spec.query(Long.class).single();
    }

    private static String array(Collection<Long> ids) {
        return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray("team_ids");
        List<Long> teams = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            teams.add(((Number) o).longValue());
        }
        return new Row(rs.getLong("lead_id"), rs.getTimestamp("arrived_at").toInstant(), rs.getTimestamp("route_after").toInstant(),
                rs.getTimestamp("held_at").toInstant(), List.copyOf(teams));
    }
}
