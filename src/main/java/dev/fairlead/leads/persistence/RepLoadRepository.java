package dev.fairlead.leads.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.leads.RepLoad;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-rep counters. {@link #take} is the one place a cap is enforced: a single conditional UPDATE
 * that takes the row lock, so concurrent assignments on any number of nodes queue on it and each
 * re-checks the caps against the committed counts (PostgreSQL re-evaluates the WHERE after the wait).
 */
@Repository
public class RepLoadRepository {

    private final JdbcClient jdbc;

    RepLoadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one more open lead and one more new lead for today and this month, if the rep is active
     * and (when {@code enforceCaps}) still under every cap. Returns the rep's team, or empty when refused.
     */
    public OptionalLong take(long repId, LocalDate today, boolean enforceCaps) {
        OptionalLong team = takeExisting(repId, today, enforceCaps);
        if (team.isPresent()) {
            return team;
        }
        // Refused, or the rep's first lead: make sure the row exists (waiting for a concurrent first insert
        // to commit) and try once more; a refusal costs these two statements, a take only the one above.
        jdbc.sql("INSERT INTO rep_load (rep_id) VALUES (:rep) ON CONFLICT (rep_id) DO NOTHING").param("rep", repId).update();
        return takeExisting(repId, today, enforceCaps);
    }

    /**
     * {@link #take} for {@code count} leads at once, in one conditional UPDATE: counts them all if the
     * rep is active and (when {@code enforceCaps}) taking them one after the other would pass every
     * cap check; else counts none. Returns the rep's team, or empty when refused.
     */
    public OptionalLong takeMany(long repId, LocalDate today, int count, boolean enforceCaps) {
        OptionalLong team = takeManyExisting(repId, today, count, enforceCaps);
        if (team.isPresent()) {
            return team;
        }
        jdbc.sql("INSERT INTO rep_load (rep_id) VALUES (:rep) ON CONFLICT (rep_id) DO NOTHING").param("rep", repId).update();
        return takeManyExisting(repId, today, count, enforceCaps);
    }

    /** The day and month caps as {@link #take} checks them k times: the first lead of a new day or month always passes them. */
    private OptionalLong takeManyExisting(long repId, LocalDate today, int count, boolean enforceCaps) {
        LocalDate month = today.withDayOfMonth(1);
        return jdbc.sql("""
                        UPDATE rep_load l SET
                               open_leads = l.open_leads + :count,
                               new_today = CASE WHEN l.day = :today THEN l.new_today + :count ELSE :count END,
                               day = :today,
                               new_this_month = CASE WHEN l.month = :month THEN l.new_this_month + :count ELSE :count END,
                               month = :month
                        FROM rep r
                        WHERE l.rep_id = :rep AND r.id = l.rep_id AND r.active
                          AND (NOT :enforce OR (
                                   l.open_leads + :count <= r.max_open_leads
                               AND (CASE WHEN l.day = :today THEN l.new_today ELSE 0 END) + :count <= greatest(r.max_new_per_day, 1)
                               AND (CASE WHEN l.month = :month THEN l.new_this_month ELSE 0 END) + :count
                                   <= greatest(r.max_new_per_month, 1)))
                        RETURNING r.team_id
                        """)
                .param("rep", repId)
                .param("today", Date.valueOf(today))
                .param("month", Date.valueOf(month))
                .param("enforce", enforceCaps)
                .param("count", count)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /**
     * The one statement that counts a lead for a rep when the rep is active and (unless
     * {@code :enforce} is false) under every cap; returns the rep's team and name. Parameters:
     * {@code :rep}, {@code :today}, {@code :month}, {@code :enforce}. Shared with
     * {@link LeadRepository#takeAndSetOwner}, which counts and assigns in one statement.
     */
    static final String TAKE = """
            UPDATE rep_load l SET
                   open_leads = l.open_leads + 1,
                   new_today = CASE WHEN l.day = :today THEN l.new_today + 1 ELSE 1 END,
                   day = :today,
                   new_this_month = CASE WHEN l.month = :month THEN l.new_this_month + 1 ELSE 1 END,
                   month = :month
            FROM rep r
            WHERE l.rep_id = :rep AND r.id = l.rep_id AND r.active
              AND (NOT :enforce OR (
                       l.open_leads < r.max_open_leads
                   AND (l.day <> :today OR l.new_today < r.max_new_per_day)
                   AND (l.month <> :month OR l.new_this_month < r.max_new_per_month)))
            RETURNING r.team_id, r.name
            """;

    /** {@link #take} for a rep whose counter refused once: makes sure the row exists, then tries once more. */
    public OptionalLong takeCreatingRow(long repId, LocalDate today, boolean enforceCaps) {
        jdbc.sql("INSERT INTO rep_load (rep_id) VALUES (:rep) ON CONFLICT (rep_id) DO NOTHING").param("rep", repId).update();
        return takeExisting(repId, today, enforceCaps);
    }

    private OptionalLong takeExisting(long repId, LocalDate today, boolean enforceCaps) {
        return jdbc.sql(TAKE)
                .param("rep", repId)
                .param("today", Date.valueOf(today))
                .param("month", Date.valueOf(today.withDayOfMonth(1)))
                .param("enforce", enforceCaps)
                .query((rs, n) -> rs.getLong("team_id"))
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** One open lead fewer (released, pooled, reassigned away, converted or lost). */
    public void release(long repId) {
        jdbc.sql("UPDATE rep_load SET open_leads = greatest(open_leads - 1, 0) WHERE rep_id = :rep").param("rep", repId).update();
    }

    /** Moves the rep's open-task workload points by {@code delta}; a single conditional UPDATE, never below zero. */
    public void addWorkload(long repId, int delta) {
        jdbc.sql("INSERT INTO rep_load (rep_id) VALUES (:rep) ON CONFLICT (rep_id) DO NOTHING").param("rep", repId).update();
        jdbc.sql("UPDATE rep_load SET workload_points = greatest(workload_points + :delta, 0) WHERE rep_id = :rep")
                .param("rep", repId).param("delta", delta).update();
    }

    public Map<Long, RepLoad> loads(Collection<Long> repIds, LocalDate today) {
        Map<Long, RepLoad> result = new HashMap<>();
        jdbc.sql("""
                        SELECT rep_id, open_leads, workload_points,
                               CASE WHEN day = :today THEN new_today ELSE 0 END AS today_count,
                               CASE WHEN month = :month THEN new_this_month ELSE 0 END AS month_count
                        FROM rep_load WHERE rep_id = ANY(:ids)
                        """)
                .param("today", Date.valueOf(today))
                .param("month", Date.valueOf(today.withDayOfMonth(1)))
                .param("ids", SqlArrays.bigint(repIds))
                .query(rs -> {
                    long id = rs.getLong("rep_id");
                    result.put(id, new RepLoad(id, rs.getInt("open_leads"), rs.getInt("today_count"), rs.getInt("month_count"),
                            rs.getInt("workload_points")));
                });
        repIds.forEach(id -> result.putIfAbsent(id, RepLoad.empty(id)));
        return result;
    }
}
