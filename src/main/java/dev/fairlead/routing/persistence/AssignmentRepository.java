package dev.fairlead.routing.persistence;

import dev.fairlead.routing.AssignmentKind;
import dev.fairlead.routing.AssignmentRecord;
import dev.fairlead.routing.domain.Explanation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class AssignmentRepository {

    /** A decision or manual change to store. */
    public record NewAssignment(long leadId, AssignmentKind kind, Explanation.Outcome outcome, Long repId, Long previousRepId,
            Long poolId, Long ruleSetId, Integer ruleSetVersion, String ruleKey, String reason, String actor, int attempts,
            Explanation explanation, Instant at) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssignmentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(NewAssignment a) {
        return jdbc.sql("""
                        INSERT INTO routing_assignment (lead_id, kind, outcome, rep_id, previous_rep_id, pool_id, rule_set_id,
                                                        rule_set_version, rule_key, reason, actor, attempts, explanation, decided_at)
                        VALUES (:lead, :kind, :outcome, :rep, :previous, :pool, :ruleSet, :ruleSetVersion, :ruleKey, :reason,
                                :actor, :attempts, CAST(:explanation AS jsonb), :at)
                        RETURNING id
                        """)
                .param("lead", a.leadId())
                .param("kind", a.kind().name())
                .param("outcome", a.outcome().name())
                .param("rep", a.repId())
                .param("previous", a.previousRepId())
                .param("pool", a.poolId())
                .param("ruleSet", a.ruleSetId())
                .param("ruleSetVersion", a.ruleSetVersion())
                .param("ruleKey", a.ruleKey())
                .param("reason", a.reason() == null ? null : a.reason().length() > 500 ? a.reason().substring(0, 500) : a.reason())
                .param("actor", a.actor())
                .param("attempts", a.attempts())
                .param("explanation", a.explanation() == null ? null : json.writeValueAsString(a.explanation()))
                .param("at", Timestamp.from(a.at()))
                .query(Long.class)
                .single();
    }

    /** Every assignment of the lead, newest first; rep names resolved by the caller. */
    public List<AssignmentRecord> findByLead(long leadId) {
        return jdbc.sql("SELECT * FROM routing_assignment WHERE lead_id = :lead ORDER BY id DESC")
                .param("lead", leadId)
                .query(this::row)
                .list();
    }

    private AssignmentRecord row(ResultSet rs, int n) throws SQLException {
        String explanation = rs.getString("explanation");
        return new AssignmentRecord(
                rs.getLong("id"),
                rs.getLong("lead_id"),
                AssignmentKind.valueOf(rs.getString("kind")),
                Explanation.Outcome.valueOf(rs.getString("outcome")),
                (Long) rs.getObject("rep_id"),
                null,
                (Long) rs.getObject("previous_rep_id"),
                (Long) rs.getObject("pool_id"),
                (Long) rs.getObject("rule_set_id"),
                (Integer) rs.getObject("rule_set_version"),
                rs.getString("rule_key"),
                rs.getString("reason"),
                rs.getString("actor"),
                rs.getInt("attempts"),
                rs.getTimestamp("decided_at").toInstant(),
                explanation == null ? null : json.readValue(explanation, Explanation.class));
    }
}
