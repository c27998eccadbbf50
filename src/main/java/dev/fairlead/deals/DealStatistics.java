package dev.fairlead.deals;

import dev.fairlead.common.UnitPeriod;
import dev.fairlead.common.UnitPeriodSql;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Figures over deals for goals and forecasts: many units and periods in one query each. */
@Service
public class DealStatistics {

    /** What to add up per unit and period. */
    public enum Measure {
        /** Amount of deals won in the period (by their won date), in the reporting currency. */
        REVENUE,
        /** Number of deals won in the period. */
        WON_DEALS,
        /** Number of deals opened in the period. */
        NEW_DEALS,
        /** Open deals expected to close in the period, amount times probability, in the reporting currency. */
        WEIGHTED_PIPELINE
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DealsProperties properties;

    DealStatistics(JdbcClient jdbc, Clock clock, DealsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    public String currency() {
        return properties.currency();
    }

    @Transactional(readOnly = true)
    public Map<String, BigDecimal> measure(Measure measure, List<UnitPeriod> windows) {
        Map<String, BigDecimal> result = new HashMap<>();
        if (windows.isEmpty()) {
            return result;
        }
        String value = switch (measure) {
            case REVENUE -> "coalesce(sum(d.amount), 0)";
            case WON_DEALS, NEW_DEALS -> "count(d.id)";
            case WEIGHTED_PIPELINE -> "coalesce(sum(d.amount * d.probability / 100.0), 0)";
        };
        String join = switch (measure) {
            case REVENUE -> "d.stage = 'won' AND d.currency = :currency AND d.won_on >= w.d_from AND d.won_on < w.d_until";
            case WON_DEALS -> "d.stage = 'won' AND d.won_on >= w.d_from AND d.won_on < w.d_until";
            case NEW_DEALS -> "d.created_at >= w.t_from AND d.created_at < w.t_until";
            case WEIGHTED_PIPELINE -> "d.stage NOT IN ('won', 'lost') AND d.currency = :currency"
                    + " AND d.expected_close >= w.d_from AND d.expected_close < w.d_until";
        };
        jdbc.sql("SELECT w.key, " + value + " AS v FROM " + UnitPeriodSql.WINDOWS + " LEFT JOIN deal d ON " + join + " AND "
                        + UnitPeriodSql.inUnit("d.owner_rep_id", "d.owner_team_id") + " GROUP BY w.key")
                .params(UnitPeriodSql.params(windows, clock.getZone()))
                .param("currency", properties.currency())
                .query(rs -> {
                    result.put(rs.getString("key"), rs.getBigDecimal("v"));
                });
        return result;
    }
}
