package dev.fairlead.work;

import dev.fairlead.common.UnitPeriod;
import dev.fairlead.common.UnitPeriodSql;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts of follow-ups for goals and reports, many units and periods in one query (a team: its reps' follow-ups). */
@Service
public class FollowUpStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;

    FollowUpStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Follow-ups that happened in each window, of one kind or (null) of any kind, by window key. */
    @Transactional(readOnly = true)
    public Map<String, Long> count(FollowUpKind kind, List<UnitPeriod> windows) {
        Map<String, Long> counts = new HashMap<>();
        if (windows.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT w.key, count(f.id) AS n FROM " + UnitPeriodSql.WINDOWS + """
                         LEFT JOIN (SELECT f.id, f.rep_id, f.occurred_at, f.kind, r.team_id FROM follow_up f JOIN rep r ON r.id = f.rep_id) f
                           ON f.occurred_at >= w.t_from AND f.occurred_at < w.t_until
                          AND (CAST(:kind AS text) IS NULL OR f.kind = :kind) AND """ + " "
                        + UnitPeriodSql.inUnit("f.rep_id", "f.team_id") + " GROUP BY w.key")
                .params(UnitPeriodSql.params(windows, clock.getZone()))
                .param("kind", kind == null ? null : kind.name())
                .query(rs -> {
                    counts.put(rs.getString("key"), rs.getLong("n"));
                });
        return counts;
    }
}
