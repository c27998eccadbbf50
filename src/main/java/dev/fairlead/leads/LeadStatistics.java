package dev.fairlead.leads;

import dev.fairlead.common.UnitPeriod;
import dev.fairlead.common.UnitPeriodSql;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts over leads for goals and reports, many units and periods in one query. */
@Service
public class LeadStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;

    LeadStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Leads created in each period that are now owned within the unit (pooled leads count for nobody), by key. */
    @Transactional(readOnly = true)
    public Map<String, Long> countNew(List<UnitPeriod> windows) {
        Map<String, Long> counts = new HashMap<>();
        if (windows.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT w.key, count(l.id) AS n FROM " + UnitPeriodSql.WINDOWS
                        + " LEFT JOIN lead l ON l.created_at >= w.t_from AND l.created_at < w.t_until AND l.duplicate_of IS NULL AND "
                        + UnitPeriodSql.inUnit("l.owner_rep_id", "l.owner_team_id") + " GROUP BY w.key")
                .params(UnitPeriodSql.params(windows, clock.getZone()))
                .query(rs -> {
                    counts.put(rs.getString("key"), rs.getLong("n"));
                });
        return counts;
    }
}
