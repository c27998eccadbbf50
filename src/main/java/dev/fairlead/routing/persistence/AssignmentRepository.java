package dev.fairlead.routing.persistence;

import dev.fairlead.common.SqlArrays;
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
                                :actor, :attempts, CAST(:explanation AS json), :at)
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

    /**
     * {@link #insert} for many decisions in one statement. The explanations travel as one JSON array
     * (written by Jackson straight into one parameter, split and syntax-checked by PostgreSQL as json, not
     * converted to jsonb: decision 0210) rather than as a
     * text array, whose literal the driver escapes character by character: they are most of the bytes.
     */
    public void insertAll(List<NewAssignment> all) {
        if (all.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO routing_assignment (lead_id, kind, outcome, rep_id, previous_rep_id, pool_id, rule_set_id,
                                                        rule_set_version, rule_key, reason, actor, attempts, explanation, decided_at)
                        SELECT a.lead, a.kind, a.outcome, a.rep, a.previous, a.pool, a.rule_set, a.rule_set_version, a.rule_key,
                               a.reason, a.actor, a.attempts, CASE WHEN json_typeof(e.explanation) = 'null' THEN NULL ELSE e.explanation END, a.at
                        FROM unnest(:leads, :kinds, :outcomes, :reps, :previous, :pools, :ruleSets, :ruleSetVersions, :ruleKeys,
                                    :reasons, :actors, :attempts, :ats) WITH ORDINALITY
                             AS a(lead, kind, outcome, rep, previous, pool, rule_set, rule_set_version, rule_key, reason, actor,
                                  attempts, at, n)
                        JOIN json_array_elements(CAST(:explanations AS json)) WITH ORDINALITY AS e(explanation, n) ON e.n = a.n
                        ORDER BY a.n
                        """)
                .param("leads", SqlArrays.bigint(all.stream().map(NewAssignment::leadId).toList()))
                .param("kinds", SqlArrays.typed("text", all.stream().map(a -> a.kind().name()).toList()))
                .param("outcomes", SqlArrays.typed("text", all.stream().map(a -> a.outcome().name()).toList()))
                .param("reps", SqlArrays.typed("bigint", all.stream().map(NewAssignment::repId).toList()))
                .param("previous", SqlArrays.typed("bigint", all.stream().map(NewAssignment::previousRepId).toList()))
                .param("pools", SqlArrays.typed("bigint", all.stream().map(NewAssignment::poolId).toList()))
                .param("ruleSets", SqlArrays.typed("bigint", all.stream().map(NewAssignment::ruleSetId).toList()))
                .param("ruleSetVersions", SqlArrays.typed("integer", all.stream().map(NewAssignment::ruleSetVersion).toList()))
                .param("ruleKeys", SqlArrays.typed("text", all.stream().map(NewAssignment::ruleKey).toList()))
                .param("reasons", SqlArrays.typed("text", all.stream()
                        .map(a -> a.reason() == null ? null : a.reason().length() > 500 ? a.reason().substring(0, 500) : a.reason()).toList()))
                .param("actors", SqlArrays.typed("text", all.stream().map(NewAssignment::actor).toList()))
                .param("attempts", SqlArrays.typed("integer", all.stream().map(NewAssignment::attempts).toList()))
                .param("ats", SqlArrays.typed("timestamptz", all.stream().map(a -> Timestamp.from(a.at())).toList()))
                .param("explanations", json.writeValueAsString(all.stream().map(NewAssignment::explanation).toList()))
                .update();
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
