package dev.fairlead.scoring.persistence;

import dev.fairlead.scoring.LeadScore;
import dev.fairlead.scoring.ModelReport;
import dev.fairlead.scoring.RuleSetVersion;
import dev.fairlead.scoring.domain.PredictiveModel;
import dev.fairlead.scoring.domain.RuleSet;
import dev.fairlead.scoring.domain.ScoreCard;
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
public class ScoringRepository {

    private static final TypeReference<List<ScoreCard.Contribution>> CONTRIBUTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScoringRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<RuleSetVersion> active() {
        return jdbc.sql("SELECT * FROM scoring_rule_set WHERE status = 'ACTIVE'").query((rs, n) -> version(rs)).optional();
    }

    /** Id of the active version only: cheap enough to ask on every lead, so activation on any node is seen at once. */
    public Optional<Long> activeId() {
        return jdbc.sql("SELECT id FROM scoring_rule_set WHERE status = 'ACTIVE'").query(Long.class).optional();
    }

    public Optional<RuleSetVersion> find(long id) {
        return jdbc.sql("SELECT * FROM scoring_rule_set WHERE id = :id").param("id", id).query((rs, n) -> version(rs)).optional();
    }

    public List<RuleSetVersion> versions() {
        return jdbc.sql("SELECT * FROM scoring_rule_set ORDER BY version DESC").query((rs, n) -> version(rs)).list();
    }

    public long insertDraft(RuleSet rules, String note, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO scoring_rule_set (version, status, definition, note, created_at, created_by)
                        VALUES ((SELECT coalesce(max(version), 0) + 1 FROM scoring_rule_set), 'DRAFT', CAST(:def AS jsonb), :note, :at, :by)
                        RETURNING id
                        """)
                .param("def", json.writeValueAsString(rules)).param("note", note).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    public void updateDraft(long id, RuleSet rules, String note) {
        jdbc.sql("UPDATE scoring_rule_set SET definition = CAST(:def AS jsonb), note = :note WHERE id = :id AND status = 'DRAFT'")
                .param("id", id).param("def", json.writeValueAsString(rules)).param("note", note).update();
    }

    public void activate(long id, Instant at, String by) {
        jdbc.sql("LOCK TABLE scoring_rule_set IN SHARE ROW EXCLUSIVE MODE").update();
        jdbc.sql("UPDATE scoring_rule_set SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
        jdbc.sql("UPDATE scoring_rule_set SET status = 'ACTIVE', activated_at = :at, activated_by = :by WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).param("by", by).update();
    }

    public void saveScore(long leadId, long ruleSetId, ScoreCard card, Instant at) {
        jdbc.sql("""
                        INSERT INTO lead_score (lead_id, rule_set_id, score, grade, contributions, scored_at)
                        VALUES (:lead, :rules, :score, :grade, CAST(:contributions AS jsonb), :at)
                        ON CONFLICT (lead_id) DO UPDATE SET rule_set_id = EXCLUDED.rule_set_id, score = EXCLUDED.score,
                            grade = EXCLUDED.grade, contributions = EXCLUDED.contributions, scored_at = EXCLUDED.scored_at
                        """)
                .param("lead", leadId).param("rules", ruleSetId).param("score", card.score()).param("grade", card.grade())
                .param("contributions", json.writeValueAsString(card.contributions())).param("at", Timestamp.from(at))
                .update();
    }

    /** {@link #saveScore} for many leads in one statement ({@code leadIds} and {@code cards} side by side). */
    public void saveScores(List<Long> leadIds, long ruleSetId, List<ScoreCard> cards, Instant at) {
        if (leadIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO lead_score (lead_id, rule_set_id, score, grade, contributions, scored_at)
                        SELECT s.lead, :rules, s.score, s.grade, CAST(s.contributions AS jsonb), :at
                        FROM unnest(:leads, :scores, :grades, :contributions) AS s(lead, score, grade, contributions)
                        ON CONFLICT (lead_id) DO UPDATE SET rule_set_id = EXCLUDED.rule_set_id, score = EXCLUDED.score,
                            grade = EXCLUDED.grade, contributions = EXCLUDED.contributions, scored_at = EXCLUDED.scored_at
                        """)
                .param("rules", ruleSetId).param("at", Timestamp.from(at))
                .param("leads", array("bigint", leadIds.toArray()))
                .param("scores", array("integer", cards.stream().map(ScoreCard::score).toArray()))
                .param("grades", array("text", cards.stream().map(ScoreCard::grade).toArray()))
                .param("contributions", array("text", cards.stream().map(c -> json.writeValueAsString(c.contributions())).toArray()))
                .update();
    }

    private static Object array(String type, Object[] values) {
        return new org.springframework.jdbc.core.support.AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(java.sql.Connection con, int sqlType, String typeName) throws SQLException {
                return con.createArrayOf(type, values);
            }
        };
    }

    public Optional<LeadScore> score(long leadId) {
        return jdbc.sql("""
                        SELECT s.*, r.version FROM lead_score s JOIN scoring_rule_set r ON r.id = s.rule_set_id
                        WHERE s.lead_id = :lead
                        """)
                .param("lead", leadId)
                .query((rs, n) -> new LeadScore(rs.getLong("lead_id"), rs.getInt("score"), rs.getString("grade"),
                        rs.getInt("version"), json.readValue(rs.getString("contributions"), CONTRIBUTIONS),
                        rs.getTimestamp("scored_at").toInstant(), null))
                .optional();
    }

    public long insertModel(ModelReport r, PredictiveModel model) {
        return jdbc.sql("""
                        INSERT INTO scoring_model (trained_at, trigger, closed_leads, won, lost, train_size, test_size, minimum,
                                                   sufficient, auc, log_loss, model)
                        VALUES (:at, :trigger, :closed, :won, :lost, :train, :test, :minimum, :sufficient, :auc, :logLoss,
                                CAST(:model AS jsonb))
                        RETURNING id
                        """)
                .param("at", Timestamp.from(r.trainedAt())).param("trigger", r.trigger()).param("closed", r.closedLeads())
                .param("won", r.won()).param("lost", r.lost()).param("train", r.trainSize()).param("test", r.testSize())
                .param("minimum", r.minimum()).param("sufficient", r.sufficient()).param("auc", r.auc())
                .param("logLoss", r.logLoss()).param("model", model == null ? null : json.writeValueAsString(model))
                .query(Long.class).single();
    }

    public Optional<ModelReport> latestReport() {
        return jdbc.sql("SELECT * FROM scoring_model ORDER BY trained_at DESC, id DESC LIMIT 1").query((rs, n) -> report(rs)).optional();
    }

    public List<ModelReport> reports(int limit) {
        return jdbc.sql("SELECT * FROM scoring_model ORDER BY trained_at DESC, id DESC LIMIT :limit").param("limit", limit)
                .query((rs, n) -> report(rs)).list();
    }

    /** The model in use: the newest run, if it had enough history. */
    public record UsableModel(long id, PredictiveModel model) {}

    public Optional<UsableModel> usableModel() {
        record Row(long id, String model) {}
        return jdbc.sql("SELECT id, model FROM scoring_model ORDER BY trained_at DESC, id DESC LIMIT 1")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("model")))
                .optional()
                .filter(r -> r.model() != null)
                .map(r -> new UsableModel(r.id(), json.readValue(r.model(), PredictiveModel.class)));
    }

    private static ModelReport report(ResultSet rs) throws SQLException {
        return new ModelReport(rs.getLong("id"), rs.getTimestamp("trained_at").toInstant(), rs.getString("trigger"),
                rs.getInt("closed_leads"), rs.getInt("won"), rs.getInt("lost"), rs.getInt("train_size"), rs.getInt("test_size"),
                rs.getInt("minimum"), rs.getBoolean("sufficient"), (Double) rs.getObject("auc"), (Double) rs.getObject("log_loss"));
    }

    private RuleSetVersion version(ResultSet rs) throws SQLException {
        Timestamp activated = rs.getTimestamp("activated_at");
        return new RuleSetVersion(rs.getLong("id"), rs.getInt("version"), RuleSetVersion.Status.valueOf(rs.getString("status")),
                json.readValue(rs.getString("definition"), RuleSet.class), rs.getString("note"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                activated == null ? null : activated.toInstant(), rs.getString("activated_by"));
    }
}
