package dev.fairlead.insights.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Fairness feedback cycles and their answers (decision 0603). An answer row holds the cycle, a token,
 * the score, the comment and the day: nothing that names the rep, nothing that orders the answers.
 */
@Repository
public class FeedbackRepository {

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CycleRow(long id, long teamId, String teamName, LocalDate periodStart, LocalDate periodEnd, LocalDate closesOn,
            String openedBy, Instant openedAt, long answers) {}

    private static final String CYCLE = """
            SELECT c.id, c.team_id, t.name, c.period_start, c.period_end, c.closes_on, c.opened_by, c.opened_at,
                   (SELECT count(*) FROM insight_feedback_answer a WHERE a.cycle_id = c.id) AS answers
            FROM insight_feedback_cycle c JOIN team t ON t.id = c.team_id
            """;

    public long insert(long teamId, LocalDate periodStart, LocalDate periodEnd, LocalDate closesOn, String openedBy, Instant at) {
        return jdbc.sql("""
                INSERT INTO insight_feedback_cycle (team_id, period_start, period_end, closes_on, opened_by, opened_at)
                VALUES (:team, :start, :end, :closes, :by, :at) RETURNING id
                """).param("team", teamId).param("start", Date.valueOf(periodStart)).param("end", Date.valueOf(periodEnd))
                .param("closes", Date.valueOf(closesOn)).param("by", openedBy).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    public Optional<CycleRow> cycle(long id) {
        return jdbc.sql(CYCLE + " WHERE c.id = :id").param("id", id).query(FeedbackRepository::cycle).optional();
    }

    /** Cycles of teams in the subtree of {@code root} (-1: all), newest first. */
    public List<CycleRow> cycles(long root, int limit) {
        return jdbc.sql(CYCLE + " WHERE (:root = -1 OR c.team_id IN (SELECT team_subtree(:root))) ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit")
                .param("root", root).param("limit", limit).query(FeedbackRepository::cycle).list();
    }

    /** Cycles the rep belongs to (their team lies in the cycle team's subtree), newest first. */
    public List<CycleRow> cyclesOfRep(long repId, int limit) {
        return jdbc.sql(CYCLE + """
                 WHERE EXISTS (SELECT 1 FROM rep r WHERE r.id = :rep AND r.active AND r.team_id IN (SELECT team_subtree(c.team_id)))
                 ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit
                """).param("rep", repId).param("limit", limit).query(FeedbackRepository::cycle).list();
    }

    /** Whether the rep is an active member of the team's subtree. */
    public boolean isMember(long repId, long teamId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rep r WHERE r.id = :rep AND r.active AND r.team_id IN (SELECT team_subtree(:team)))")
                .param("rep", repId).param("team", teamId).query(Boolean.class).single();
    }

    /** Active reps of the team's subtree, to be asked. */
    public List<Long> members(long teamId) {
        return jdbc.sql("SELECT r.id FROM rep r WHERE r.active AND r.team_id IN (SELECT team_subtree(:team)) ORDER BY r.id")
                .param("team", teamId).query(Long.class).list();
    }

    /** Stores an answer; false when this token has answered the cycle already. */
    public boolean answer(long cycleId, String token, int score, String comment, LocalDate on) {
        return jdbc.sql("""
                INSERT INTO insight_feedback_answer (cycle_id, token, score, comment, answered_on)
                VALUES (:cycle, :token, :score, :comment, :on) ON CONFLICT (cycle_id, token) DO NOTHING
                """).param("cycle", cycleId).param("token", token).param("score", score).param("comment", comment)
                .param("on", Date.valueOf(on)).update() == 1;
    }

    public boolean answered(long cycleId, String token) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM insight_feedback_answer WHERE cycle_id = :cycle AND token = :token)")
                .param("cycle", cycleId).param("token", token).query(Boolean.class).single();
    }

    public record AnswerRow(int score, String comment) {}

    /** The cycle's scores and comments, in no meaningful order (the caller shuffles them). */
    public List<AnswerRow> answers(long cycleId) {
        return jdbc.sql("SELECT score, comment FROM insight_feedback_answer WHERE cycle_id = :cycle ORDER BY token")
                .param("cycle", cycleId).query((rs, i) -> new AnswerRow(rs.getInt(1), rs.getString(2))).list();
    }

    private static CycleRow cycle(ResultSet rs, int i) throws SQLException {
        return new CycleRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getLong(9));
    }
}
