package dev.fairlead.scoring.persistence;

import dev.fairlead.scoring.RescoreRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Re-scoring runs and the work they have left. The work is derived, not queued: open leads whose
 * stored score came from a rule set other than the run's. So a run resumes wherever it stopped, on any node.
 */
@Repository
public class RescoreRepository {

    private static final String OPEN = "l.status IN ('NEW', 'CONTACTED', 'QUALIFIED')";

    private final JdbcClient jdbc;

    RescoreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A lead due for re-scoring and the grade it has now. */
    public record Stale(long leadId, String grade) {}

    /** Supersedes a running run and starts one for {@code ruleSetId}, counting the open leads it has to re-score. */
    public long start(long ruleSetId, Instant at, String by) {
        jdbc.sql("UPDATE scoring_rescore_run SET status = 'SUPERSEDED', finished_at = :at WHERE status = 'RUNNING'")
                .param("at", Timestamp.from(at)).update();
        return jdbc.sql("""
                        INSERT INTO scoring_rescore_run (rule_set_id, total, started_at, started_by)
                        VALUES (:rules, (SELECT count(*) FROM lead l JOIN lead_score s ON s.lead_id = l.id
                                         WHERE %s AND s.rule_set_id <> :rules), :at, :by)
                        RETURNING id
                        """.formatted(OPEN))
                .param("rules", ruleSetId).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    /** The run, locked for this transaction, so batches of one run (on any node) and a new activation take turns. */
    public Optional<RescoreRun> lock(long runId) {
        return jdbc.sql(SELECT + " WHERE r.id = :id FOR UPDATE OF r").param("id", runId).query((rs, n) -> run(rs)).optional();
    }

    public Optional<Long> runningId() {
        return jdbc.sql("SELECT id FROM scoring_rescore_run WHERE status = 'RUNNING'").query(Long.class).optional();
    }

    public Optional<RescoreRun> latest() {
        return jdbc.sql(SELECT + " ORDER BY r.id DESC LIMIT 1").query((rs, n) -> run(rs)).optional();
    }

    public Optional<RescoreRun> find(long runId) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", runId).query((rs, n) -> run(rs)).optional();
    }

    /** Up to {@code limit} open leads still scored by another rule set, locked; leads another transaction holds are left for later. */
    public List<Stale> nextBatch(long ruleSetId, int limit) {
        return jdbc.sql("""
                        SELECT l.id, s.grade FROM lead l JOIN lead_score s ON s.lead_id = l.id
                        WHERE %s AND s.rule_set_id <> :rules
                        ORDER BY l.id LIMIT :limit
                        FOR UPDATE OF l SKIP LOCKED
                        """.formatted(OPEN))
                .param("rules", ruleSetId).param("limit", limit)
                .query((rs, n) -> new Stale(rs.getLong("id"), rs.getString("grade").trim())).list();
    }

    /** Open leads still scored by another rule set, locked or not. */
    public int remaining(long ruleSetId) {
        return jdbc.sql("SELECT count(*) FROM lead l JOIN lead_score s ON s.lead_id = l.id WHERE %s AND s.rule_set_id <> :rules".formatted(OPEN))
                .param("rules", ruleSetId).query(Integer.class).single();
    }

    public void progress(long runId, int rescored, int gradeChanges) {
        jdbc.sql("UPDATE scoring_rescore_run SET rescored = rescored + :n, grade_changes = grade_changes + :g WHERE id = :id")
                .param("id", runId).param("n", rescored).param("g", gradeChanges).update();
    }

    public void finish(long runId, Instant at) {
        jdbc.sql("UPDATE scoring_rescore_run SET status = 'DONE', finished_at = :at WHERE id = :id AND status = 'RUNNING'")
                .param("id", runId).param("at", Timestamp.from(at)).update();
    }

    private static final String SELECT = """
            SELECT r.*, v.version FROM scoring_rescore_run r JOIN scoring_rule_set v ON v.id = r.rule_set_id""";

    private static RescoreRun run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RescoreRun(rs.getLong("id"), rs.getLong("rule_set_id"), rs.getInt("version"),
                RescoreRun.Status.valueOf(rs.getString("status")), rs.getInt("total"), rs.getInt("rescored"),
                rs.getInt("grade_changes"), rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"),
                finished == null ? null : finished.toInstant());
    }
}
