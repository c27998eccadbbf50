package dev.fairlead.routing.persistence;

import dev.fairlead.common.Viewer;
import dev.fairlead.routing.BacktestRun;
import dev.fairlead.routing.domain.BacktestResult;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class BacktestRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BacktestRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(long ruleSetId, Long activeId, LocalDate from, LocalDate to, long total, String actor, Long scopeTeamId,
            Instant at) {
        return jdbc.sql("""
                        INSERT INTO routing_backtest (rule_set_id, active_rule_set_id, period_from, period_to, status, total, started_by,
                                                      scope_team_id, started_at)
                        VALUES (:ruleSet, :active, :from, :to, 'RUNNING', :total, :actor, :scope, :at) RETURNING id
                        """)
                .param("ruleSet", ruleSetId).param("active", activeId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("total", total).param("actor", actor).param("scope", scopeTeamId).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    public void progress(long id, long processed) {
        jdbc.sql("UPDATE routing_backtest SET processed = :p WHERE id = :id").param("p", processed).param("id", id).update();
    }

    public void done(long id, long processed, BacktestResult candidate, BacktestResult active, Instant at) {
        jdbc.sql("""
                        UPDATE routing_backtest SET status = 'DONE', processed = :p, total = :p, result = CAST(:result AS jsonb),
                               finished_at = :at WHERE id = :id
                        """)
                .param("id", id).param("p", processed).param("at", Timestamp.from(at))
                .param("result", json.writeValueAsString(new Pair(candidate, active)))
                .update();
    }

    public void failed(long id, String error, Instant at) {
        jdbc.sql("UPDATE routing_backtest SET status = 'FAILED', error = :error, finished_at = :at WHERE id = :id")
                .param("id", id).param("error", error == null ? "failed" : error.length() > 500 ? error.substring(0, 500) : error)
                .param("at", Timestamp.from(at)).update();
    }

    /**
     * The backtest, if {@code viewer} may read it: directors, admins and finance every one, a manager
     * those limited to their team or a team below it.
     */
    public Optional<BacktestRun> findVisible(Viewer viewer, long id) {
        return jdbc.sql("""
                        SELECT * FROM routing_backtest WHERE id = :id
                           AND (:all OR scope_team_id IN (SELECT team_subtree(:scopeTeam)))
                        """)
                .param("id", id).param("all", viewer.seesAll()).param("scopeTeam", viewer.scopeTeamId())
                .query(this::row).optional();
    }

    /** Both sides of a finished backtest, as stored. */
    record Pair(BacktestResult candidate, BacktestResult active) {}

    private BacktestRun row(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        Pair pair = result == null ? null : json.readValue(result, Pair.class);
        Timestamp finished = rs.getTimestamp("finished_at");
        return new BacktestRun(rs.getLong("id"), rs.getLong("rule_set_id"), (Long) rs.getObject("active_rule_set_id"),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(), rs.getString("status"),
                rs.getLong("processed"), rs.getLong("total"), rs.getString("error"), rs.getString("started_by"),
                (Long) rs.getObject("scope_team_id"), rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                pair == null ? null : pair.candidate(), pair == null ? null : pair.active());
    }

}
