package dev.fairlead.insights.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures alert rules test, per active rep (or pool) of a team's subtree, counted from the tables at {@code now}. */
@Repository
public class AlertFigures {

    private static final String REPS = "r.active AND r.team_id IN (SELECT team_subtree(:team))";

    private final JdbcClient jdbc;

    AlertFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record RepCount(long repId, String repName, long teamId, long count, long other) {}

    /** Follow-ups by each rep in the last 7 days (count) and in the 28 days before those (other). */
    public List<RepCount> followUps(long teamId, Instant now) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.team_id,
                       count(f.id) FILTER (WHERE f.occurred_at >= :week) AS this_week,
                       count(f.id) FILTER (WHERE f.occurred_at < :week) AS before
                FROM rep r LEFT JOIN follow_up f ON f.rep_id = r.id AND f.occurred_at >= :from AND f.occurred_at < :now
                WHERE %s GROUP BY r.id, r.name, r.team_id ORDER BY r.id
                """.formatted(REPS))
                .param("team", teamId).param("now", Timestamp.from(now))
                .param("week", Timestamp.from(now.minus(Duration.ofDays(7)))).param("from", Timestamp.from(now.minus(Duration.ofDays(35))))
                .query((rs, i) -> new RepCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
    }

    /** Each rep's open leads untouched for at least {@code days} (count), and all their open leads (other). */
    public List<RepCount> untouched(long teamId, Instant now, int days) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.team_id,
                       count(l.id) FILTER (WHERE %s <= :before) AS untouched,
                       count(l.id) AS open
                FROM rep r LEFT JOIN lead l ON l.owner_rep_id = r.id AND %s
                WHERE %s GROUP BY r.id, r.name, r.team_id ORDER BY r.id
                """.formatted(InsightsRepository.LAST_TOUCH, InsightsRepository.OPEN, REPS))
                .param("team", teamId).param("before", Timestamp.from(now.minus(Duration.ofDays(days))))
                .query((rs, i) -> new RepCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
    }

    /** First-contact breaches of each rep in the last {@code days} days (count), and timers started then (other). */
    public List<RepCount> breaches(long teamId, Instant now, int days) {
        Timestamp from = Timestamp.from(now.minus(Duration.ofDays(days)));
        return jdbc.sql("""
                SELECT r.id, r.name, r.team_id,
                       (SELECT count(*) FROM sla_timer s WHERE s.rep_id = r.id AND s.breached_at >= :from AND s.breached_at < :now),
                       (SELECT count(*) FROM sla_timer s WHERE s.rep_id = r.id AND s.assigned_at >= :from AND s.assigned_at < :now)
                FROM rep r WHERE %s ORDER BY r.id
                """.formatted(REPS))
                .param("team", teamId).param("from", from).param("now", Timestamp.from(now))
                .query((rs, i) -> new RepCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
    }

    /** Each rep's open leads (count) and open-lead capacity (other). */
    public List<RepCount> load(long teamId) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.team_id, (SELECT count(*) FROM lead l WHERE l.owner_rep_id = r.id AND %s), r.max_open_leads
                FROM rep r WHERE %s ORDER BY r.id
                """.formatted(InsightsRepository.OPEN, REPS))
                .param("team", teamId)
                .query((rs, i) -> new RepCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
    }

    public record PoolCount(long poolId, String poolName, long in, long out) {}

    /** Leads moved into each pool serving the team's subtree in the last 7 days, and claimed or assigned out of it. */
    public List<PoolCount> poolFlows(long teamId, Instant now) {
        return jdbc.sql("""
                SELECT p.id, p.name,
                       count(m.id) FILTER (WHERE m.to_pool_id = p.id) AS moved_in,
                       count(m.id) FILTER (WHERE m.from_pool_id = p.id AND m.cause IN ('CLAIMED', 'POOL_ASSIGNED')) AS moved_out
                FROM pool p
                LEFT JOIN lead_move m ON (m.to_pool_id = p.id OR m.from_pool_id = p.id) AND m.at >= :from AND m.at < :now
                WHERE p.id IN (SELECT pt.pool_id FROM pool_team pt WHERE pt.team_id IN (SELECT team_subtree(:team)))
                GROUP BY p.id, p.name ORDER BY p.id
                """)
                .param("team", teamId).param("now", Timestamp.from(now)).param("from", Timestamp.from(now.minus(Duration.ofDays(7))))
                .query((rs, i) -> new PoolCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }
}
