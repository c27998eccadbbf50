package dev.fairlead.routing.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.StateUpdate;
import dev.fairlead.routing.domain.StrategyState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strategy state in PostgreSQL: per-rule pointers and weights (row-locked while a lead is routed
 * by that rule), and the fairness ledger with its week and month balances.
 */
@Repository
public class StrategyStateRepository {

    private static final TypeReference<Map<Long, Long>> WEIGHTS = new TypeReference<>() {};

    /** A rep's balance in one period. */
    public record Balance(long repId, PeriodKind kind, LocalDate periodStart, double points, double expectedValue, int leads) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StrategyStateRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the state rows of these rules (creating missing ones) in key order, so concurrent routing
     * through the same rule on any node takes turns, and returns their content.
     */
    public Map<String, RuleStateRow> lock(Collection<String> ruleKeys) {
        List<String> keys = ruleKeys.stream().distinct().sorted().toList();
        Map<String, RuleStateRow> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        jdbc.sql("INSERT INTO routing_rule_state (rule_key) SELECT unnest(CAST(:keys AS text[])) ORDER BY 1 ON CONFLICT DO NOTHING")
                .param("keys", SqlArrays.text(keys))
                .update();
        jdbc.sql("SELECT * FROM routing_rule_state WHERE rule_key = ANY(:keys) ORDER BY rule_key FOR UPDATE")
                .param("keys", SqlArrays.text(keys))
                .query(rs -> {
                    rows.put(rs.getString("rule_key"), row(rs));
                });
        return rows;
    }

    /** Unlocked read of rule state, for rules that need no turn-taking. */
    public Map<String, RuleStateRow> read(Collection<String> ruleKeys) {
        Map<String, RuleStateRow> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM routing_rule_state WHERE rule_key = ANY(:keys)")
                .param("keys", SqlArrays.text(List.copyOf(ruleKeys)))
                .query(rs -> {
                    rows.put(rs.getString("rule_key"), row(rs));
                });
        return rows;
    }

    /** Balances of these reps in the current and previous week and month of {@code day}. */
    public List<Balance> balancesAround(Collection<Long> repIds, LocalDate day) {
        List<Date> starts = new ArrayList<>();
        for (PeriodKind kind : PeriodKind.values()) {
            starts.add(Date.valueOf(kind.start(day)));
            starts.add(Date.valueOf(kind.previousStart(day)));
        }
        return jdbc.sql("SELECT * FROM routing_points_balance WHERE rep_id = ANY(:reps) AND period_start = ANY(:starts)")
                .param("reps", SqlArrays.bigint(repIds))
                .param("starts", new org.springframework.jdbc.core.support.AbstractSqlTypeValue() {
                    @Override
                    protected Object createTypeValue(java.sql.Connection con, int sqlType, String typeName) throws java.sql.SQLException {
                        return con.createArrayOf("date", starts.toArray());
                    }
                })
                .query((rs, n) -> balance(rs))
                .list();
    }

    /** Balances of every rep that has one in the period starting at {@code start}. */
    public List<Balance> balances(PeriodKind kind, LocalDate start) {
        return jdbc.sql("SELECT * FROM routing_points_balance WHERE period_kind = :kind AND period_start = :start ORDER BY points DESC")
                .param("kind", kind.name())
                .param("start", Date.valueOf(start))
                .query((rs, n) -> balance(rs))
                .list();
    }

    public StrategyState state(Map<String, RuleStateRow> rules, List<Balance> balances) {
        return new JdbcStrategyState(rules, balances);
    }

    /** Stores what a decision changed; ledger entries name the lead and the rule. */
    public void apply(List<StateUpdate> updates, long leadId, String ruleKey, Instant at) {
        for (StateUpdate update : updates) {
            if (update instanceof StateUpdate.PointerMoved p) {
                jdbc.sql("UPDATE routing_rule_state SET last_rep_id = :rep, version = version + 1 WHERE rule_key = :key")
                        .param("rep", p.repId()).param("key", p.ruleKey()).update();
            } else if (update instanceof StateUpdate.WeightsChanged w) {
                jdbc.sql("UPDATE routing_rule_state SET current_weights = current_weights || CAST(:weights AS jsonb), version = version + 1 WHERE rule_key = :key")
                        .param("weights", json.writeValueAsString(w.currentWeights())).param("key", w.ruleKey()).update();
            } else if (update instanceof StateUpdate.LedgerCharged c) {
                charge(c.repId(), leadId, c.day(), c.points(), c.value(), "RECEIVED", ruleKey, at);
            }
        }
    }

    /**
     * Stores a rule's state after a chunk of decisions taken under its lock ({@link #lock}): the
     * pointer (when {@code lastRepId} is not null) and the given current weights, version moved on.
     */
    public void store(String ruleKey, Long lastRepId, Map<Long, Long> weights) {
        jdbc.sql("""
                        UPDATE routing_rule_state SET last_rep_id = coalesce(:rep, last_rep_id),
                               current_weights = current_weights || CAST(:weights AS jsonb), version = version + 1
                        WHERE rule_key = :key
                        """)
                .param("rep", lastRepId).param("weights", json.writeValueAsString(weights)).param("key", ruleKey).update();
    }

    /** A lead received by a rep, charged to the rep's ledger ({@link StateUpdate.LedgerCharged} of a decision). */
    public record Receipt(long repId, long leadId, LocalDate day, double points, double value, String ruleKey) {}

    /**
     * {@link #charge} of many leads received, in two statements: the ledger entries inserted together,
     * and the week and month balances they move summed per rep and period and upserted together.
     */
    public void chargeAll(List<Receipt> receipts, Instant at) {
        if (receipts.isEmpty()) {
            return;
        }
        List<BigDecimal> points = new ArrayList<>(receipts.size());
        List<BigDecimal> values = new ArrayList<>(receipts.size());
        Map<String, BigDecimal[]> sums = new java.util.TreeMap<>();
        Map<String, Object[]> keys = new HashMap<>();
        for (Receipt r : receipts) {
            BigDecimal p = BigDecimal.valueOf(r.points()).setScale(2, RoundingMode.HALF_UP);
            BigDecimal v = BigDecimal.valueOf(r.value()).setScale(2, RoundingMode.HALF_UP);
            points.add(p);
            values.add(v);
            for (PeriodKind kind : PeriodKind.values()) {
                LocalDate start = kind.start(r.day());
                String key = String.format("%019d/%s/%s", r.repId(), kind.name(), start);
                keys.putIfAbsent(key, new Object[] {r.repId(), kind.name(), Date.valueOf(start)});
                BigDecimal[] sum = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                sum[0] = sum[0].add(p);
                sum[1] = sum[1].add(v);
                sum[2] = sum[2].add(BigDecimal.valueOf(r.points() >= 0 ? 1 : -1));
            }
        }
        jdbc.sql("""
                        INSERT INTO routing_points_ledger (rep_id, lead_id, day, points, expected_value, entry, rule_key, recorded_at)
                        SELECT e.rep, e.lead, e.day, e.points, e.value, 'RECEIVED', e.rule, :at
                        FROM unnest(:reps, :leads, :days, :points, :values, :rules) AS e(rep, lead, day, points, value, rule)
                        """)
                .param("reps", SqlArrays.bigint(receipts.stream().map(Receipt::repId).toList()))
                .param("leads", SqlArrays.bigint(receipts.stream().map(Receipt::leadId).toList()))
                .param("days", SqlArrays.typed("date", receipts.stream().map(r -> Date.valueOf(r.day())).toList()))
                .param("points", SqlArrays.typed("numeric", points))
                .param("values", SqlArrays.typed("numeric", values))
                .param("rules", SqlArrays.typed("text", receipts.stream().map(Receipt::ruleKey).toList()))
                .param("at", Timestamp.from(at))
                .update();
        List<Object> reps = new ArrayList<>();
        List<Object> kinds = new ArrayList<>();
        List<Object> starts = new ArrayList<>();
        List<Object> sumPoints = new ArrayList<>();
        List<Object> sumValues = new ArrayList<>();
        List<Object> leads = new ArrayList<>();
        sums.forEach((key, sum) -> {
            Object[] k = keys.get(key);
            reps.add(k[0]);
            kinds.add(k[1]);
            starts.add(k[2]);
            sumPoints.add(sum[0]);
            sumValues.add(sum[1]);
            leads.add(sum[2].intValueExact());
        });
        jdbc.sql("""
                        INSERT INTO routing_points_balance (rep_id, period_kind, period_start, points, expected_value, leads)
                        SELECT * FROM unnest(:reps, :kinds, :starts, :points, :values, :leads)
                        ON CONFLICT (rep_id, period_kind, period_start) DO UPDATE
                        SET points = routing_points_balance.points + EXCLUDED.points,
                            expected_value = routing_points_balance.expected_value + EXCLUDED.expected_value,
                            leads = routing_points_balance.leads + EXCLUDED.leads
                        """)
                .param("reps", SqlArrays.typed("bigint", reps))
                .param("kinds", SqlArrays.typed("text", kinds))
                .param("starts", SqlArrays.typed("date", starts))
                .param("points", SqlArrays.typed("numeric", sumPoints))
                .param("values", SqlArrays.typed("numeric", sumValues))
                .param("leads", SqlArrays.typed("integer", leads))
                .update();
    }

    /** Credits back what the lead cost its previous owner, when it was charged to them. */
    public void creditBack(long repId, long leadId, LocalDate day, Instant at) {
        Optional<double[]> charged = jdbc.sql("""
                        SELECT points, expected_value FROM routing_points_ledger
                        WHERE rep_id = :rep AND lead_id = :lead AND entry = 'RECEIVED' ORDER BY id DESC LIMIT 1
                        """)
                .param("rep", repId).param("lead", leadId)
                .query((rs, n) -> new double[] {rs.getDouble("points"), rs.getDouble("expected_value")})
                .optional();
        charged.ifPresent(c -> charge(repId, leadId, day, -c[0], -c[1], "TAKEN_AWAY", null, at));
    }

    /** One ledger entry and the week and month balances it moves, in one statement. */
    public void charge(long repId, Long leadId, LocalDate day, double points, double value, String entry, String ruleKey, Instant at) {
        BigDecimal p = BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP);
        BigDecimal v = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        StringBuilder periods = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (PeriodKind kind : PeriodKind.values()) {
            periods.append(periods.isEmpty() ? "" : ", ").append("(:rep, '").append(kind.name()).append("', :start").append(kind.ordinal())
                    .append(", :points, :value, :leads)");
            params.put("start" + kind.ordinal(), Date.valueOf(kind.start(day)));
        }
        jdbc.sql("""
                        WITH entry AS (
                            INSERT INTO routing_points_ledger (rep_id, lead_id, day, points, expected_value, entry, rule_key, recorded_at)
                            VALUES (:rep, :lead, :day, :points, :value, :entry, :rule, :at))
                        INSERT INTO routing_points_balance (rep_id, period_kind, period_start, points, expected_value, leads)
                        VALUES %s
                        ON CONFLICT (rep_id, period_kind, period_start) DO UPDATE
                        SET points = routing_points_balance.points + EXCLUDED.points,
                            expected_value = routing_points_balance.expected_value + EXCLUDED.expected_value,
                            leads = routing_points_balance.leads + EXCLUDED.leads
                        """.formatted(periods))
                .params(params)
                .param("rep", repId).param("lead", leadId).param("day", Date.valueOf(day)).param("points", p)
                .param("value", v).param("entry", entry).param("rule", ruleKey).param("at", Timestamp.from(at))
                .param("leads", points >= 0 ? 1 : -1)
                .update();
    }

    private static Balance balance(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Balance(rs.getLong("rep_id"), PeriodKind.valueOf(rs.getString("period_kind")),
                rs.getDate("period_start").toLocalDate(), rs.getDouble("points"), rs.getDouble("expected_value"), rs.getInt("leads"));
    }

    private RuleStateRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RuleStateRow((Long) rs.getObject("last_rep_id"), json.readValue(rs.getString("current_weights"), WEIGHTS),
                rs.getLong("version"));
    }

    /** A rule's remembered pointer and weights, and the version of both (moved on by every turn). */
    public record RuleStateRow(Long lastRepId, Map<Long, Long> currentWeights, long version) {}

    private static final class JdbcStrategyState implements StrategyState {

        private final Map<String, RuleStateRow> rules;
        private final Map<String, Balance> balances = new HashMap<>();

        JdbcStrategyState(Map<String, RuleStateRow> rules, List<Balance> balances) {
            this.rules = rules;
            balances.forEach(b -> this.balances.put(key(b.repId(), b.kind(), b.periodStart()), b));
        }

        private static String key(long rep, PeriodKind kind, LocalDate start) {
            return rep + "/" + kind + "/" + start;
        }

        @Override
        public Long lastPicked(String ruleKey) {
            RuleStateRow row = rules.get(ruleKey);
            return row == null ? null : row.lastRepId();
        }

        @Override
        public long currentWeight(String ruleKey, long repId) {
            RuleStateRow row = rules.get(ruleKey);
            return row == null ? 0 : row.currentWeights().getOrDefault(repId, 0L);
        }

        @Override
        public double points(long repId, PeriodKind kind, LocalDate periodStart) {
            Balance b = balances.get(key(repId, kind, periodStart));
            return b == null ? 0 : b.points();
        }

        @Override
        public double value(long repId, PeriodKind kind, LocalDate periodStart) {
            Balance b = balances.get(key(repId, kind, periodStart));
            return b == null ? 0 : b.expectedValue();
        }
    }
}
