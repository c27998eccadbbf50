package dev.fairlead.performance.persistence;

import dev.fairlead.common.SqlArrays;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shares a scorecard needs that no module's API counts: win rate (deals), first-contact SLA kept
 * and tasks done on time (work). It reads those modules' tables and never writes them (as pool and
 * work read leads, decision 0305); a change to the columns used here must update these queries.
 * Each answers every rep of a period in one query, as {@code [count, of]} by rep id.
 */
@Repository
public class MetricRepository {

    private final JdbcClient jdbc;

    MetricRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deals won (by won date) and deals closed: won plus lost (by the day they were closed, in the company's zone). */
    public Map<Long, long[]> winRate(Collection<Long> reps, LocalDate from, LocalDate until, ZoneId zone) {
        return shares("""
                SELECT d.owner_rep_id AS rep,
                       count(*) FILTER (WHERE d.stage = 'won' AND d.won_on >= :from AND d.won_on < :until) AS n,
                       count(*) FILTER (WHERE (d.stage = 'won' AND d.won_on >= :from AND d.won_on < :until)
                                           OR (d.stage = 'lost' AND d.closed_at >= :t_from AND d.closed_at < :t_until)) AS total
                FROM deal d
                WHERE d.owner_rep_id = ANY(CAST(:reps AS bigint[])) AND d.stage IN ('won', 'lost')
                GROUP BY d.owner_rep_id
                """, reps, from, until, zone, null);
    }

    /** First-contact SLA timers started in the period that were met, of those decided (met or breached). */
    public Map<Long, long[]> slaKept(Collection<Long> reps, LocalDate from, LocalDate until, ZoneId zone) {
        return shares("""
                SELECT s.rep_id AS rep, count(*) FILTER (WHERE s.status = 'MET') AS n, count(*) AS total
                FROM sla_timer s
                WHERE s.rep_id = ANY(CAST(:reps AS bigint[])) AND s.status IN ('MET', 'BREACHED')
                  AND s.assigned_at >= :t_from AND s.assigned_at < :t_until
                GROUP BY s.rep_id
                """, reps, from, until, zone, null);
    }

    /**
     * Tasks due in the period that were done by their due time, of those due in the period that are done
     * or already due at {@code asOf} (a task not due yet counts for nobody; cancelled tasks never count).
     */
    public Map<Long, long[]> tasksOnTime(Collection<Long> reps, LocalDate from, LocalDate until, ZoneId zone, Instant asOf) {
        return shares("""
                SELECT t.owner_rep_id AS rep,
                       count(*) FILTER (WHERE t.status = 'DONE' AND t.completed_at <= t.due_at) AS n,
                       count(*) AS total
                FROM task t
                WHERE t.owner_rep_id = ANY(CAST(:reps AS bigint[])) AND t.status <> 'CANCELLED'
                  AND t.due_at >= :t_from AND t.due_at < :t_until AND (t.status = 'DONE' OR t.due_at <= :as_of)
                GROUP BY t.owner_rep_id
                """, reps, from, until, zone, asOf);
    }

    private Map<Long, long[]> shares(String sql, Collection<Long> reps, LocalDate from, LocalDate until, ZoneId zone, Instant asOf) {
        Map<Long, long[]> result = new HashMap<>();
        if (reps.isEmpty()) {
            return result;
        }
        var spec = jdbc.sql(sql)
                .param("reps", SqlArrays.bigint(List.copyOf(reps)))
                .param("from", Date.valueOf(from)).param("until", Date.valueOf(until))
                .param("t_from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("t_until", Timestamp.from(until.atStartOfDay(zone).toInstant()));
        if (asOf != null) {
            spec = spec.param("as_of", Timestamp.from(asOf));
        }
        spec.query(rs -> {
            result.put(rs.getLong("rep"), new long[] {rs.getLong("n"), rs.getLong("total")});
        });
        return result;
    }
}
