package dev.fairlead.insights.persistence;

import dev.fairlead.common.Viewer;
import dev.fairlead.insights.Alert;
import dev.fairlead.insights.AlertRule;
import dev.fairlead.insights.domain.AlertKind;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Alert rules and the alerts they raised. A viewer sees the rules and alerts of teams in their scope. */
@Repository
public class AlertRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String SCOPE = "(:all OR %s IN (SELECT team_subtree(:scopeTeam)))";
    private static final String RULE = """
            SELECT r.id, r.team_id, t.name, r.kind, r.threshold, r.threshold2, r.quiet_from, r.quiet_until, r.enabled,
                   r.created_at, r.version
            FROM insight_alert_rule r JOIN team t ON t.id = r.team_id
            """;
    private static final String ALERT = """
            SELECT a.id, a.rule_id, a.kind, a.team_id, a.subject_kind, a.subject_id, a.subject_name, a.figures, a.link,
                   a.opened_at, a.notified_at, a.acknowledged_at, a.acknowledged_by, a.snoozed_until, a.closed_at
            FROM insight_alert a
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<AlertRule> rules(Viewer viewer, Long teamId) {
        return jdbc.sql(RULE + " WHERE " + SCOPE.formatted("r.team_id") + " AND (:team = -1 OR r.team_id = :team) ORDER BY t.name, r.kind, r.id")
                .param("all", viewer.seesAll()).param("scopeTeam", viewer.scopeTeamId()).param("team", teamId == null ? -1 : teamId)
                .query(AlertRepository::rule).list();
    }

    public Optional<AlertRule> rule(Viewer viewer, long id) {
        return jdbc.sql(RULE + " WHERE r.id = :id AND " + SCOPE.formatted("r.team_id"))
                .param("id", id).param("all", viewer.seesAll()).param("scopeTeam", viewer.scopeTeamId())
                .query(AlertRepository::rule).optional();
    }

    public List<AlertRule> enabledRules() {
        return jdbc.sql(RULE + " WHERE r.enabled AND t.active ORDER BY r.id").query(AlertRepository::rule).list();
    }

    public long insertRule(long teamId, AlertKind kind, BigDecimal threshold, BigDecimal threshold2, LocalTime quietFrom,
            LocalTime quietUntil, boolean enabled, Instant now) {
        return jdbc.sql("""
                INSERT INTO insight_alert_rule (team_id, kind, threshold, threshold2, quiet_from, quiet_until, enabled, created_at)
                VALUES (:team, :kind, :threshold, :threshold2, :quietFrom, :quietUntil, :enabled, :now) RETURNING id
                """)
                .param("team", teamId).param("kind", kind.name()).param("threshold", threshold).param("threshold2", threshold2)
                .param("quietFrom", time(quietFrom)).param("quietUntil", time(quietUntil)).param("enabled", enabled)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    public void updateRule(long id, BigDecimal threshold, BigDecimal threshold2, LocalTime quietFrom, LocalTime quietUntil,
            boolean enabled) {
        jdbc.sql("""
                UPDATE insight_alert_rule SET threshold = :threshold, threshold2 = :threshold2, quiet_from = :quietFrom,
                       quiet_until = :quietUntil, enabled = :enabled, version = version + 1 WHERE id = :id
                """)
                .param("id", id).param("threshold", threshold).param("threshold2", threshold2)
                .param("quietFrom", time(quietFrom)).param("quietUntil", time(quietUntil)).param("enabled", enabled).update();
    }

    public void deleteRule(long id) {
        jdbc.sql("DELETE FROM insight_alert_rule WHERE id = :id").param("id", id).update();
    }

    /** Alerts of teams in the viewer's scope: open ones (snoozed too), or all including closed ones (history), newest first. */
    public List<Alert> alerts(Viewer viewer, Long teamId, boolean withClosed, int limit) {
        return jdbc.sql(ALERT + " WHERE " + SCOPE.formatted("a.team_id")
                        + " AND (:team = -1 OR a.team_id IN (SELECT team_subtree(:team))) AND (:closed OR a.closed_at IS NULL)"
                        + " ORDER BY a.opened_at DESC, a.id DESC LIMIT :limit")
                .param("all", viewer.seesAll()).param("scopeTeam", viewer.scopeTeamId()).param("team", teamId == null ? -1 : teamId)
                .param("closed", withClosed).param("limit", limit)
                .query(this::alert).list();
    }

    public Optional<Alert> alert(Viewer viewer, long id) {
        return jdbc.sql(ALERT + " WHERE a.id = :id AND " + SCOPE.formatted("a.team_id"))
                .param("id", id).param("all", viewer.seesAll()).param("scopeTeam", viewer.scopeTeamId())
                .query(this::alert).optional();
    }

    public List<Alert> openAlerts(long ruleId) {
        return jdbc.sql(ALERT + " WHERE a.rule_id = :rule AND a.closed_at IS NULL").param("rule", ruleId).query(this::alert).list();
    }

    /** Opens an alert unless one is open for the rule and subject (the unique index); its id, or empty when one was open. */
    public Optional<Long> open(AlertRule rule, String subjectKind, long subjectId, String subjectName, Map<String, Object> figures,
            String link, Instant now) {
        return jdbc.sql("""
                INSERT INTO insight_alert (rule_id, kind, team_id, subject_kind, subject_id, subject_name, figures, link, opened_at)
                VALUES (:rule, :kind, :team, :subjectKind, :subjectId, :subjectName, CAST(:figures AS jsonb), :link, :now)
                ON CONFLICT (rule_id, subject_kind, subject_id) WHERE closed_at IS NULL DO NOTHING
                RETURNING id
                """)
                .param("rule", rule.id()).param("kind", rule.kind().name()).param("team", rule.teamId())
                .param("subjectKind", subjectKind).param("subjectId", subjectId).param("subjectName", subjectName)
                .param("figures", json.writeValueAsString(figures)).param("link", link).param("now", Timestamp.from(now))
                .query(Long.class).optional();
    }

    public void refresh(long id, Map<String, Object> figures) {
        jdbc.sql("UPDATE insight_alert SET figures = CAST(:figures AS jsonb) WHERE id = :id")
                .param("id", id).param("figures", json.writeValueAsString(figures)).update();
    }

    public void close(Collection<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE insight_alert SET closed_at = :now, version = version + 1 WHERE id IN (:ids) AND closed_at IS NULL")
                    .param("now", Timestamp.from(now)).param("ids", ids).update();
        }
    }

    public void notified(long id, Instant now) {
        jdbc.sql("UPDATE insight_alert SET notified_at = :now, snoozed_until = NULL WHERE id = :id")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    public boolean acknowledge(long id, String by, Instant now) {
        return jdbc.sql("""
                UPDATE insight_alert SET acknowledged_at = :now, acknowledged_by = :by, snoozed_until = NULL, version = version + 1
                WHERE id = :id AND closed_at IS NULL
                """).param("id", id).param("by", by).param("now", Timestamp.from(now)).update() == 1;
    }

    public boolean snooze(long id, Instant until) {
        return jdbc.sql("""
                UPDATE insight_alert SET snoozed_until = :until, version = version + 1
                WHERE id = :id AND closed_at IS NULL
                """).param("id", id).param("until", Timestamp.from(until)).update() == 1;
    }

    private static AlertRule rule(ResultSet rs, int i) throws SQLException {
        Time from = rs.getTime(7);
        Time until = rs.getTime(8);
        return new AlertRule(rs.getLong(1), rs.getLong(2), rs.getString(3), AlertKind.valueOf(rs.getString(4)), rs.getBigDecimal(5),
                rs.getBigDecimal(6), from == null ? null : from.toLocalTime(), until == null ? null : until.toLocalTime(),
                rs.getBoolean(9), rs.getTimestamp(10).toInstant(), rs.getInt(11));
    }

    private Alert alert(ResultSet rs, int i) throws SQLException {
        return new Alert(rs.getLong(1), rs.getLong(2), AlertKind.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), json.readValue(rs.getString(8), MAP), rs.getString(9), instant(rs, 10),
                instant(rs, 11), instant(rs, 12), rs.getString(13), instant(rs, 14), instant(rs, 15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Time time(LocalTime t) {
        return t == null ? null : Time.valueOf(t);
    }
}
