package dev.fairlead.goals.persistence;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.SqlArrays;
import dev.fairlead.common.Viewer;
import dev.fairlead.goals.Goal;
import dev.fairlead.goals.GoalMetric;
import dev.fairlead.goals.OrgUnit;
import dev.fairlead.goals.SplitAxis;
import dev.fairlead.goals.SplitMethod;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GoalRepository {

    public record NewGoal(Long parentId, GoalMetric metric, Long teamId, Long repId, long scopeTeamId, Period period,
            BigDecimal target, BigDecimal base, BigDecimal stretch, String currency, long ownerUserId, Instant at, String actor) {}

    /** Filters for goal lists; null means any. Periods overlapping [from, until). */
    public record Filter(GoalMetric metric, Long teamId, Long repId, Long ownerUserId, LocalDate from, LocalDate until,
            Boolean rootsOnly, PeriodKind kind) {}

    private static final String SELECT = """
            SELECT g.*, t.name AS team_name, t.kind AS team_kind, r.name AS rep_name, u.display_name AS owner_name
            FROM goal g LEFT JOIN team t ON t.id = g.team_id LEFT JOIN rep r ON r.id = g.rep_id
                 JOIN app_user u ON u.id = g.owner_user_id
            """;
    private static final String SCOPE = "(:all OR g.scope_team_id IN (SELECT team_subtree(:scopeTeam)) OR g.rep_id = :scopeRep)";

    private final JdbcClient jdbc;

    GoalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, Object> scope(Viewer viewer) {
        return Map.of("all", viewer.seesAll(), "scopeTeam", viewer.scopeTeamId(), "scopeRep", viewer.scopeRepId());
    }

    public long insert(NewGoal g) {
        return jdbc.sql("""
                        INSERT INTO goal (parent_id, metric, team_id, rep_id, scope_team_id, period_kind, period_start, period_end,
                                          target, base, stretch, currency, owner_user_id, created_at, created_by)
                        VALUES (:parent, :metric, :team, :rep, :scope, :kind, :start, :end, :target, :base, :stretch,
                                :currency, :owner, :at, :actor)
                        RETURNING id
                        """)
                .param("parent", g.parentId()).param("metric", g.metric().name()).param("team", g.teamId())
                .param("rep", g.repId()).param("scope", g.scopeTeamId()).param("kind", g.period().kind().name())
                .param("start", Date.valueOf(g.period().start())).param("end", Date.valueOf(g.period().end()))
                .param("target", g.target()).param("base", g.base()).param("stretch", g.stretch())
                .param("currency", g.currency()).param("owner", g.ownerUserId()).param("at", Timestamp.from(g.at()))
                .param("actor", g.actor())
                .query(Long.class).single();
    }

    public Optional<Goal> find(long id) {
        return jdbc.sql(SELECT + " WHERE g.id = :id AND g.active").param("id", id).query(GoalRepository::goal).optional();
    }

    public Optional<Goal> findVisible(Viewer viewer, long id) {
        return jdbc.sql(SELECT + " WHERE g.id = :id AND g.active AND " + SCOPE).params(scope(viewer)).param("id", id)
                .query(GoalRepository::goal).optional();
    }

    public List<Goal> children(long parentId) {
        return jdbc.sql(SELECT + " WHERE g.parent_id = :parent AND g.active ORDER BY g.period_start, t.name, r.name, g.id")
                .param("parent", parentId).query(GoalRepository::goal).list();
    }

    public List<Goal> childrenOf(Collection<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE g.parent_id = ANY(:ids) AND g.active ORDER BY g.period_start, g.id")
                .param("ids", SqlArrays.bigint(List.copyOf(parentIds))).query(GoalRepository::goal).list();
    }

    public List<Goal> findVisible(Viewer viewer, Filter f) {
        return jdbc.sql(SELECT + " WHERE g.active AND " + SCOPE + """
                         AND (CAST(:metric AS text) IS NULL OR g.metric = :metric)
                         AND (CAST(:team AS bigint) IS NULL OR g.scope_team_id IN (SELECT team_subtree(:team)))
                         AND (CAST(:rep AS bigint) IS NULL OR g.rep_id = :rep)
                         AND (CAST(:owner AS bigint) IS NULL OR g.owner_user_id = :owner)
                         AND (CAST(:from AS date) IS NULL OR g.period_end > :from)
                         AND (CAST(:until AS date) IS NULL OR g.period_start < :until)
                         AND (CAST(:kind AS text) IS NULL OR g.period_kind = :kind)
                         AND (NOT :roots OR g.parent_id IS NULL OR NOT EXISTS (
                                  SELECT 1 FROM goal p WHERE p.id = g.parent_id AND p.active
                                    AND (:all OR p.scope_team_id IN (SELECT team_subtree(:scopeTeam)) OR p.rep_id = :scopeRep)))
                        ORDER BY g.period_start, g.period_kind, t.kind, t.name, r.name, g.id
                        LIMIT 2000
                        """)
                .params(scope(viewer))
                .param("metric", f.metric() == null ? null : f.metric().name())
                .param("team", f.teamId()).param("rep", f.repId()).param("owner", f.ownerUserId())
                .param("from", f.from() == null ? null : Date.valueOf(f.from()))
                .param("until", f.until() == null ? null : Date.valueOf(f.until()))
                .param("kind", f.kind() == null ? null : f.kind().name())
                .param("roots", Boolean.TRUE.equals(f.rootsOnly()))
                .query(GoalRepository::goal).list();
    }

    /** The active goal for exactly this metric, unit and period, if any. */
    public Optional<Goal> findFor(GoalMetric metric, Long teamId, Long repId, Period period) {
        return jdbc.sql(SELECT + """
                         WHERE g.active AND g.metric = :metric AND coalesce(g.team_id, 0) = coalesce(CAST(:team AS bigint), 0)
                           AND coalesce(g.rep_id, 0) = coalesce(CAST(:rep AS bigint), 0) AND g.period_kind = :kind
                           AND g.period_start = :start AND g.period_end = :end
                        """)
                .param("metric", metric.name()).param("team", teamId).param("rep", repId)
                .param("kind", period.kind().name()).param("start", Date.valueOf(period.start()))
                .param("end", Date.valueOf(period.end()))
                .query(GoalRepository::goal).optional();
    }

    /** The active goals of these reps for exactly this period (any metric), for the performance module's scorecards. */
    public List<Goal> findForReps(Collection<Long> repIds, Period period) {
        return jdbc.sql(SELECT + """
                         WHERE g.active AND g.rep_id = ANY(CAST(:reps AS bigint[])) AND g.period_kind = :kind
                           AND g.period_start = :start AND g.period_end = :end
                        ORDER BY g.rep_id, g.metric, g.id
                        """)
                .param("reps", SqlArrays.bigint(List.copyOf(repIds)))
                .param("kind", period.kind().name()).param("start", Date.valueOf(period.start()))
                .param("end", Date.valueOf(period.end()))
                .query(GoalRepository::goal).list();
    }

    public boolean setTarget(long id, BigDecimal target, BigDecimal base, BigDecimal stretch, boolean locked, String reason,
            Integer version) {
        return jdbc.sql("""
                        UPDATE goal SET target = :target, base = :base, stretch = :stretch, locked = :locked,
                               adjust_reason = :reason, version = version + 1
                        WHERE id = :id AND active AND (CAST(:version AS integer) IS NULL OR version = :version)
                        """)
                .param("id", id).param("target", target).param("base", base).param("stretch", stretch)
                .param("locked", locked).param("reason", reason).param("version", version)
                .update() == 1;
    }

    public void setSplit(long id, SplitAxis axis, SplitMethod method, String note) {
        jdbc.sql("UPDATE goal SET split_axis = :axis, split_method = :method, split_note = :note, version = version + 1 WHERE id = :id")
                .param("id", id).param("axis", axis.name()).param("method", method.name()).param("note", note).update();
    }

    /** Goals are never deleted; a child no longer produced by a re-split is deactivated (with its subtree). */
    public void deactivateSubtree(long id) {
        jdbc.sql("""
                        WITH RECURSIVE sub(id) AS (SELECT :id UNION SELECT g.id FROM goal g JOIN sub ON g.parent_id = sub.id)
                        UPDATE goal SET active = false, version = version + 1 WHERE id IN (SELECT id FROM sub)
                        """)
                .param("id", id).update();
    }

    public boolean taskPlanned(long goalId, long repId, LocalDate weekStart) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM goal_task WHERE goal_id = :goal AND rep_id = :rep AND week_start = :week)")
                .param("goal", goalId).param("rep", repId).param("week", Date.valueOf(weekStart)).query(Boolean.class).single();
    }

    public void linkTask(long goalId, long repId, LocalDate weekStart, long taskId, Instant at) {
        jdbc.sql("INSERT INTO goal_task (goal_id, rep_id, week_start, task_id, created_at) VALUES (:goal, :rep, :week, :task, :at)")
                .param("goal", goalId).param("rep", repId).param("week", Date.valueOf(weekStart)).param("task", taskId)
                .param("at", Timestamp.from(at)).update();
    }

    public Map<String, BigDecimal> potentials() {
        Map<String, BigDecimal> result = new HashMap<>();
        jdbc.sql("SELECT kind, code, potential FROM territory_potential").query(rs -> {
            result.put(rs.getString("kind") + ":" + rs.getString("code"), rs.getBigDecimal("potential"));
        });
        return result;
    }

    public void setPotential(String kind, String code, BigDecimal potential, Instant at) {
        jdbc.sql("""
                        INSERT INTO territory_potential (kind, code, potential, updated_at) VALUES (:kind, :code, :potential, :at)
                        ON CONFLICT (kind, code) DO UPDATE SET potential = :potential, updated_at = :at
                        """)
                .param("kind", kind).param("code", code).param("potential", potential).param("at", Timestamp.from(at)).update();
    }

    static Goal goal(ResultSet rs, int n) throws SQLException {
        Long teamId = (Long) rs.getObject("team_id");
        OrgUnit unit = teamId == null
                ? new OrgUnit(OrgUnit.Kind.REP, null, rs.getLong("rep_id"), rs.getString("rep_name"))
                : new OrgUnit(OrgUnit.Kind.valueOf(rs.getString("team_kind")), teamId, null, rs.getString("team_name"));
        String axis = rs.getString("split_axis");
        String method = rs.getString("split_method");
        return new Goal(
                rs.getLong("id"),
                (Long) rs.getObject("parent_id"),
                GoalMetric.valueOf(rs.getString("metric")),
                unit,
                new Period(PeriodKind.valueOf(rs.getString("period_kind")), rs.getDate("period_start").toLocalDate(),
                        rs.getDate("period_end").toLocalDate()),
                rs.getBigDecimal("target"),
                rs.getBigDecimal("base"),
                rs.getBigDecimal("stretch"),
                rs.getString("currency"),
                rs.getLong("owner_user_id"),
                rs.getString("owner_name"),
                axis == null ? null : SplitAxis.valueOf(axis),
                method == null ? null : SplitMethod.valueOf(method),
                rs.getString("split_note"),
                rs.getBoolean("locked"),
                rs.getString("adjust_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }
}
