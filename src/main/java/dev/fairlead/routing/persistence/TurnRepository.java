package dev.fairlead.routing.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.fairlead.routing.domain.StateUpdate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns of round-robin and smooth weighted round-robin rules, taken with one compare-and-set
 * UPDATE on the rule's state version and committed at once, on a small connection pool of its
 * own: the row is locked for that one statement, not until the lead's transaction commits, and a
 * lead's transaction never waits for a connection of the pool it already holds one of.
 *
 * <p>A turn that loses the compare-and-set was taken by someone else since the state was read: the
 * caller decides again on the new state. A turn whose lead does not get the rep (a cap the database
 * refused, a rolled-back transaction) is {@linkplain #giveBack given back}: weights by subtracting
 * exactly what the turn added (the changes of smooth weighted round robin add up, so this holds
 * whatever turns came in between); a pointer only if nobody moved it since.
 */
@Repository
public class TurnRepository implements DisposableBean {

    /** A turn taken: what the rule's state was, what it became, and the version it has since. */
    public record Turn(String ruleKey, long version, Long previousRep, Long pickedRep, Map<Long, Long> weightDelta) {}

    static final int POOL_SIZE = 4;
    private static final tools.jackson.core.type.TypeReference<Map<Long, Long>> WEIGHTS = new tools.jackson.core.type.TypeReference<>() {};
    private static final Logger log = LoggerFactory.getLogger(TurnRepository.class);

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    TurnRepository(DataSource dataSource, JsonMapper json) throws SQLException {
        this.pool = ownPool(dataSource);
        this.jdbc = JdbcClient.create(pool);
        this.json = json;
    }

    private static HikariDataSource ownPool(DataSource main) throws SQLException {
        if (!main.isWrapperFor(HikariDataSource.class)) {
            throw new IllegalStateException("Routing turns need a HikariCP data source to copy the connection settings from");
        }
        HikariDataSource source = main.unwrap(HikariDataSource.class);
        HikariDataSource turns = new HikariDataSource();
        source.copyStateTo(turns);
        turns.setPoolName(source.getPoolName() + "-routing-turns");
        turns.setMaximumPoolSize(POOL_SIZE);
        turns.setMinimumIdle(0);
        turns.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        turns.setAutoCommit(true);
        turns.setReadOnly(false);
        // A turn waits at most this long for the row (only a lead taking its turn under the row lock,
        // after many lost turns, holds it longer than one statement); then the turn counts as lost.
        turns.setConnectionInitSql("SET lock_timeout = '1s'");
        return turns;
    }

    /**
     * Takes the turn the decision made on state {@code version} of the rule: stores its pointer or
     * weights and moves the version on, if the version is still the one read. Empty when another
     * turn came first (decide again). {@code before} gives a rep's current weight before the decision.
     */
    public java.util.Optional<Turn> take(String ruleKey, long version, Long lastRepBefore, Map<Long, Long> before,
            List<StateUpdate> updates) {
        Long picked = null;
        Map<Long, Long> weights = null;
        for (StateUpdate update : updates) {
            if (update instanceof StateUpdate.PointerMoved p && p.ruleKey().equals(ruleKey)) {
                picked = p.repId();
            } else if (update instanceof StateUpdate.WeightsChanged w && w.ruleKey().equals(ruleKey)) {
                weights = w.currentWeights();
            }
        }
        if (version == 0) {
            jdbc.sql("INSERT INTO routing_rule_state (rule_key) VALUES (:key) ON CONFLICT DO NOTHING").param("key", ruleKey).update();
        }
        int taken;
        try {
            taken = jdbc.sql("""
                        UPDATE routing_rule_state
                        SET last_rep_id = coalesce(:rep, last_rep_id),
                            current_weights = current_weights || CAST(:weights AS jsonb),
                            version = version + 1
                        WHERE rule_key = :key AND version = :version
                        """)
                .param("rep", picked)
                .param("weights", weights == null ? "{}" : json.writeValueAsString(weights))
                .param("key", ruleKey)
                .param("version", version)
                .update();
        } catch (PessimisticLockingFailureException e) {
            return java.util.Optional.empty();
        }
        if (taken == 0) {
            return java.util.Optional.empty();
        }
        Map<Long, Long> delta = new HashMap<>();
        if (weights != null) {
            weights.forEach((rep, now) -> delta.put(rep, now - before.getOrDefault(rep, 0L)));
        }
        return java.util.Optional.of(new Turn(ruleKey, version + 1, lastRepBefore, picked, delta));
    }

    /** The rule's state as committed now, read on this pool (empty when no turn was ever taken). */
    public java.util.Optional<StrategyStateRepository.RuleStateRow> read(String ruleKey) {
        return jdbc.sql("SELECT last_rep_id, current_weights, version FROM routing_rule_state WHERE rule_key = :key")
                .param("key", ruleKey)
                .query((rs, n) -> new StrategyStateRepository.RuleStateRow((Long) rs.getObject("last_rep_id"),
                        json.readValue(rs.getString("current_weights"), WEIGHTS), rs.getLong("version")))
                .optional();
    }

    /** Undoes a turn whose lead did not go to the picked rep; called after that lead's transaction has ended. */
    public void giveBack(Turn turn) {
        try {
            undo(turn);
        } catch (DataAccessException e) {
            log.warn("Could not give back turn {} of rule {}; the rule's next picks shift by one", turn.version(), turn.ruleKey(), e);
        }
    }

    private void undo(Turn turn) {
        if (!turn.weightDelta().isEmpty()) {
            jdbc.sql("""
                            UPDATE routing_rule_state s
                            SET current_weights = s.current_weights || coalesce(
                                    (SELECT jsonb_object_agg(d.key, coalesce((s.current_weights ->> d.key)::bigint, 0) - d.value::bigint)
                                     FROM jsonb_each_text(CAST(:delta AS jsonb)) d), '{}'),
                                version = s.version + 1
                            WHERE s.rule_key = :key
                            """)
                    .param("delta", json.writeValueAsString(turn.weightDelta()))
                    .param("key", turn.ruleKey())
                    .update();
        }
        if (turn.pickedRep() != null) {
            jdbc.sql("UPDATE routing_rule_state SET last_rep_id = :previous, version = version + 1 WHERE rule_key = :key AND version = :version")
                    .param("previous", turn.previousRep())
                    .param("key", turn.ruleKey())
                    .param("version", turn.version())
                    .update();
        }
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
