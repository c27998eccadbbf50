package dev.fairlead.routing.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.routing.AssignmentKind;
import dev.fairlead.routing.AssignmentRecord;
import dev.fairlead.routing.domain.Explanation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
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
    private final ExplanationCodec codec;

    AssignmentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.codec = new ExplanationCodec(json);
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
                .param("explanation", codec.encode(a.explanation(), header(a)))
                .param("at", Timestamp.from(a.at()))
                .query(Long.class)
                .single();
    }

    /**
     * {@link #insert} for many decisions in one statement. The explanations travel as one JSON array
     * (each in its stored form, decision 0215, joined into one parameter, split and syntax-checked by
     * PostgreSQL as json, not converted to jsonb: decision 0210) rather than as a text array, whose
     * literal the driver escapes character by character.
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
                .param("explanations", explanations(all))
                .update();
    }

    private String explanations(List<NewAssignment> all) {
        StringBuilder array = new StringBuilder(all.size() * 512).append('[');
        for (int i = 0; i < all.size(); i++) {
            String e = codec.encode(all.get(i).explanation(), header(all.get(i)));
            array.append(i == 0 ? "" : ",").append(e == null ? "null" : e);
        }
        return array.append(']').toString();
    }

    private static ExplanationCodec.Header header(NewAssignment a) {
        return new ExplanationCodec.Header(a.ruleSetId(), a.ruleSetVersion(), a.outcome(), a.repId(), a.ruleKey());
    }

    /** A stored assignment before its explanation is read: the explanation as stored. */
    private record Stored(AssignmentRecord record, String explanation) {}

    /**
     * Every assignment of the lead, newest first, with their explanations read: {@code factsFor} is
     * given every rep id the assignments name (owners, previous owners, candidates) and answers the
     * rule sets' rules and the reps' names the stored explanations leave out (decision 0215).
     */
    public List<AssignmentRecord> findByLead(long leadId, Function<Set<Long>, ExplanationCodec.Facts> factsFor) {
        List<Stored> stored = jdbc.sql("SELECT * FROM routing_assignment WHERE lead_id = :lead ORDER BY id DESC")
                .param("lead", leadId)
                .query(this::row)
                .list();
        Set<Long> repIds = new LinkedHashSet<>();
        for (Stored s : stored) {
            Stream.of(s.record().repId(), s.record().previousRepId()).filter(Objects::nonNull).forEach(repIds::add);
            repIds.addAll(codec.repIds(s.explanation()));
        }
        ExplanationCodec.Facts facts = factsFor.apply(repIds);
        return stored.stream().map(s -> {
            AssignmentRecord r = s.record();
            return new AssignmentRecord(r.id(), r.leadId(), r.kind(), r.outcome(), r.repId(),
                    r.repId() == null ? null : facts.repName(r.repId()), r.previousRepId(), r.poolId(), r.ruleSetId(),
                    r.ruleSetVersion(), r.ruleKey(), r.reason(), r.actor(), r.attempts(), r.decidedAt(),
                    codec.decode(s.explanation(), new ExplanationCodec.Header(r.ruleSetId(), r.ruleSetVersion(), r.outcome(),
                            r.repId(), r.ruleKey()), facts));
        }).toList();
    }

    private Stored row(ResultSet rs, int n) throws SQLException {
        String explanation = rs.getString("explanation");
        return new Stored(new AssignmentRecord(
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
                null), explanation);
    }
}
