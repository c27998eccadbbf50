package dev.fairlead.credit;

import dev.fairlead.common.UnitPeriod;
import dev.fairlead.common.UnitPeriodSql;
import dev.fairlead.deals.DealService;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue as it counts for scorecards and goals: confirmed credit, each rep's share on the day finance
 * confirmed it (a reversing entry counts its negative shares on its own day), in the reporting
 * currency. A team counts the shares of reps who were in its subtree when the share was set.
 */
@Service
public class ConfirmedCredit {

    private final JdbcClient jdbc;
    private final DealService deals;
    private final Clock clock;

    ConfirmedCredit(JdbcClient jdbc, DealService deals, Clock clock) {
        this.jdbc = jdbc;
        this.deals = deals;
        this.clock = clock;
    }

    public String currency() {
        return deals.currency();
    }

    /** Confirmed credit in each unit and period, by window key (windows without any are absent). */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> revenue(List<UnitPeriod> windows) {
        Map<String, BigDecimal> result = new HashMap<>();
        if (windows.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT w.key, coalesce(sum(s.amount), 0) AS v FROM " + UnitPeriodSql.WINDOWS
                        + " JOIN credit_entry e ON e.confirmed_on >= w.d_from AND e.confirmed_on < w.d_until AND e.currency = :currency"
                        + " JOIN credit_share s ON s.entry_id = e.id AND " + UnitPeriodSql.inUnit("s.rep_id", "s.team_id")
                        + " GROUP BY w.key")
                .params(UnitPeriodSql.params(windows, clock.getZone()))
                .param("currency", deals.currency())
                .query(rs -> {
                    result.put(rs.getString("key"), rs.getBigDecimal("v"));
                });
        return result;
    }
}
