package dev.fairlead.routing.persistence;

import dev.fairlead.routing.RuleDefinition;
import dev.fairlead.routing.RuleSetStatus;
import dev.fairlead.routing.RuleSetView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class RuleSetRepository {

    private static final TypeReference<List<RuleDefinition>> RULES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RuleSetRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<RuleSetView> findAll() {
        return jdbc.sql("SELECT * FROM routing_rule_set ORDER BY version DESC").query(this::row).list();
    }

    public Optional<RuleSetView> find(long id) {
        return jdbc.sql("SELECT * FROM routing_rule_set WHERE id = :id").param("id", id).query(this::row).optional();
    }

    public Optional<Long> activeId() {
        return jdbc.sql("SELECT id FROM routing_rule_set WHERE status = 'ACTIVE'").query(Long.class).optional();
    }

    /** Locks the active row (if any) so two activations cannot interleave. */
    public Optional<RuleSetView> lockActive() {
        return jdbc.sql("SELECT * FROM routing_rule_set WHERE status = 'ACTIVE' FOR UPDATE").query(this::row).optional();
    }

    public long insertDraft(String name, Long basedOn, List<RuleDefinition> rules, String actor, Instant at) {
        jdbc.sql("LOCK TABLE routing_rule_set IN SHARE ROW EXCLUSIVE MODE").update();
        return jdbc.sql("""
                        INSERT INTO routing_rule_set (version, name, status, based_on, rules, created_by, created_at)
                        VALUES ((SELECT coalesce(max(version), 0) + 1 FROM routing_rule_set), :name, 'DRAFT', :basedOn,
                                CAST(:rules AS jsonb), :actor, :at)
                        RETURNING id
                        """)
                .param("name", name)
                .param("basedOn", basedOn)
                .param("rules", json.writeValueAsString(rules))
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** Replaces a draft's content; false when it is no longer a draft or {@code rowVersion} is stale. */
    public boolean updateDraft(long id, String name, List<RuleDefinition> rules, Integer rowVersion) {
        return jdbc.sql("""
                        UPDATE routing_rule_set SET name = :name, rules = CAST(:rules AS jsonb), row_version = row_version + 1
                        WHERE id = :id AND status = 'DRAFT' AND (CAST(:rv AS integer) IS NULL OR row_version = :rv)
                        """)
                .param("id", id)
                .param("name", name)
                .param("rules", json.writeValueAsString(rules))
                .param("rv", rowVersion)
                .update() == 1;
    }

    public void setStatus(long id, RuleSetStatus status, String actor, Instant at) {
        jdbc.sql("""
                        UPDATE routing_rule_set SET status = :status, row_version = row_version + 1,
                               activated_by = CASE WHEN :status = 'ACTIVE' THEN :actor ELSE activated_by END,
                               activated_at = CASE WHEN :status = 'ACTIVE' THEN :at ELSE activated_at END
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("status", status.name())
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }

    private RuleSetView row(ResultSet rs, int n) throws SQLException {
        Timestamp activated = rs.getTimestamp("activated_at");
        return new RuleSetView(
                rs.getLong("id"),
                rs.getInt("version"),
                rs.getString("name"),
                RuleSetStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("based_on"),
                json.readValue(rs.getString("rules"), RULES),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("activated_by"),
                activated == null ? null : activated.toInstant(),
                rs.getInt("row_version"));
    }
}
