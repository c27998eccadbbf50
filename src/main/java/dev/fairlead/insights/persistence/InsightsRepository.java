package dev.fairlead.insights.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's figures, counted by SQL over the tables of leads, follow-ups, reps, SLA timers and
 * lead moves on every read (decision 0601): nothing here is kept by hand. Open leads are those NEW,
 * CONTACTED or QUALIFIED, not a duplicate; a lead's last touch is its latest follow-up, else its assignment.
 */
@Repository
public class InsightsRepository {

    static final String OPEN = "l.status IN ('NEW', 'CONTACTED', 'QUALIFIED') AND l.duplicate_of IS NULL";
    static final String LAST_TOUCH = "coalesce((SELECT max(f.occurred_at) FROM follow_up f WHERE f.lead_id = l.id), l.assigned_at, l.created_at)";

    private final JdbcClient jdbc;

    InsightsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String scoped(String teamColumn, String repColumn) {
        return "(:root = -1 OR " + teamColumn + " IN (SELECT team_subtree(:root))) AND (:rep = -1 OR " + repColumn + " = :rep)";
    }

    public record AgingRow(long repId, String repName, long teamId, long days0to2, long days3to6, long days7to13,
            long days14to29, long days30plus, long open) {}

    /** Open leads by owner and days since last touch (whole days at {@code now}). */
    public List<AgingRow> aging(Scope scope, Instant now) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.team_id,
                       count(*) FILTER (WHERE x.days < 3) AS d0,
                       count(*) FILTER (WHERE x.days BETWEEN 3 AND 6) AS d3,
                       count(*) FILTER (WHERE x.days BETWEEN 7 AND 13) AS d7,
                       count(*) FILTER (WHERE x.days BETWEEN 14 AND 29) AS d14,
                       count(*) FILTER (WHERE x.days >= 30) AS d30,
                       count(*) AS open
                FROM (SELECT l.owner_rep_id,
                             floor(extract(epoch FROM (CAST(:now AS timestamptz) - %s)) / 86400) AS days
                      FROM lead l WHERE l.owner_rep_id IS NOT NULL AND %s AND %s) x
                JOIN rep r ON r.id = x.owner_rep_id
                GROUP BY r.id, r.name, r.team_id ORDER BY r.name, r.id
                """.formatted(LAST_TOUCH, OPEN, scoped("l.owner_team_id", "l.owner_rep_id")))
                .param("now", Timestamp.from(now)).param("root", scope.root()).param("rep", scope.rep())
                .query((rs, i) -> new AgingRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .list();
    }

    public record LoadRow(long repId, String repName, long teamId, String tier, int capacity, long open) {}

    /** Each active rep in scope: open leads owned (counted from the leads) against their open-lead capacity. */
    public List<LoadRow> workload(Scope scope) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.team_id, r.tier, r.max_open_leads,
                       (SELECT count(*) FROM lead l WHERE l.owner_rep_id = r.id AND %s) AS open
                FROM rep r WHERE r.active AND %s ORDER BY r.name, r.id
                """.formatted(OPEN, scoped("r.team_id", "r.id")))
                .param("root", scope.root()).param("rep", scope.rep())
                .query((rs, i) -> new LoadRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getLong(6)))
                .list();
    }

    public record ReceivedRow(long repId, String repName, String tier, long leads, BigDecimal expectedValue) {}

    /**
     * Leads each active rep in scope received in [from, to): moves to the rep by assignment, claim or
     * pool assignment, and the leads' expected value (their budget).
     */
    public List<ReceivedRow> received(Scope scope, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.tier,
                       count(m.id) AS leads,
                       coalesce(sum(l.budget), 0) AS value
                FROM rep r
                LEFT JOIN lead_move m ON m.to_rep_id = r.id AND m.cause IN ('ASSIGNED', 'CLAIMED', 'POOL_ASSIGNED')
                                     AND m.at >= :from AND m.at < :to
                LEFT JOIN lead l ON l.id = m.lead_id
                WHERE r.active AND %s
                GROUP BY r.id, r.name, r.tier ORDER BY r.tier, r.name, r.id
                """.formatted(scoped("r.team_id", "r.id")))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("root", scope.root()).param("rep", scope.rep())
                .query((rs, i) -> new ReceivedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
    }

    /** teamId/teamName always set; repId null on a team's total row. */
    public record SlaRow(long teamId, String teamName, Long repId, String repName, long timers, long met, long breached,
            long running) {}

    /** First-contact timers started in [from, to), by team and rep, with each team's total (GROUPING SETS). */
    public List<SlaRow> sla(Scope scope, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT t.id, t.name, r.id, r.name,
                       count(*) FILTER (WHERE s.status <> 'CANCELLED') AS timers,
                       count(*) FILTER (WHERE s.status = 'MET') AS met,
                       count(*) FILTER (WHERE s.breached_at IS NOT NULL) AS breached,
                       count(*) FILTER (WHERE s.status = 'RUNNING') AS running
                FROM sla_timer s JOIN team t ON t.id = s.team_id JOIN rep r ON r.id = s.rep_id
                WHERE s.assigned_at >= :from AND s.assigned_at < :to AND %s
                GROUP BY GROUPING SETS ((t.id, t.name, r.id, r.name), (t.id, t.name))
                ORDER BY t.name, t.id, r.id NULLS FIRST
                """.formatted(scoped("s.team_id", "s.rep_id")))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("root", scope.root()).param("rep", scope.rep())
                .query((rs, i) -> new SlaRow(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }

    public record PoolWeekRow(LocalDate week, long pooledNoRep, long released, long recovered, long slaBreach, long claimed) {}

    /**
     * Moves into and out of the pools in scope, per week (Monday, company time zone) in [from, to): in by
     * reason (no eligible rep, released, recovered, SLA breach), out by claim or assignment from the pool.
     * A pool is in scope when it serves a team of the scope; for a rep, a pool serving their team.
     */
    public List<PoolWeekRow> poolFlows(Scope scope, long repTeam, Instant from, Instant to, String zone) {
        return jdbc.sql("""
                SELECT CAST(date_trunc('week', m.at AT TIME ZONE :zone) AS date) AS week,
                       count(*) FILTER (WHERE m.to_pool_id IS NOT NULL AND m.cause = 'POOLED') AS pooled,
                       count(*) FILTER (WHERE m.to_pool_id IS NOT NULL AND m.cause = 'RELEASED') AS released,
                       count(*) FILTER (WHERE m.to_pool_id IS NOT NULL AND m.cause = 'RECOVERED') AS recovered,
                       count(*) FILTER (WHERE m.to_pool_id IS NOT NULL AND m.cause = 'SLA_BREACH') AS breach,
                       count(*) FILTER (WHERE m.from_pool_id IS NOT NULL AND m.cause IN ('CLAIMED', 'POOL_ASSIGNED')) AS claimed
                FROM lead_move m
                WHERE m.at >= :from AND m.at < :to AND coalesce(m.to_pool_id, m.from_pool_id) IS NOT NULL
                  AND (:all OR coalesce(m.to_pool_id, m.from_pool_id) IN (
                        SELECT pt.pool_id FROM pool_team pt
                        WHERE (:root <> -1 AND pt.team_id IN (SELECT team_subtree(:root))) OR pt.team_id = :repTeam))
                GROUP BY 1 ORDER BY 1
                """)
                .param("zone", zone).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("all", scope.root() == -1 && scope.rep() == -1).param("root", scope.root()).param("repTeam", repTeam)
                .query((rs, i) -> new PoolWeekRow(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .list();
    }
}
