package dev.fairlead.pool.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.common.Viewer;
import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolCommand;
import dev.fairlead.pool.RecoveryRule;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pools, their member teams and recovery rules; which pools a viewer sees. */
@Repository
public class PoolRepository {

    /**
     * Pools the viewer may see and claim from: every pool for directors, admins and finance; else a
     * pool without member teams, or one with a member team that contains the viewer's team or lies
     * within a manager's teams.
     */
    static final String VISIBLE = """
            (:all OR NOT EXISTS (SELECT 1 FROM pool_team x WHERE x.pool_id = p.id)
                  OR EXISTS (SELECT 1 FROM pool_team x WHERE x.pool_id = p.id
                             AND (:viewerTeam IN (SELECT team_subtree(x.team_id))
                                  OR x.team_id IN (SELECT team_subtree(:scopeTeam)))))
            """;

    /** Unowned open leads with the pool they are in; a lead pooled without a pool id is in the default pool. */
    static final String POOLED = """
            SELECT l.*, coalesce(l.pool_id, m.to_pool_id) AS in_pool, coalesce(m.at, l.created_at) AS since,
                   m.reason AS last_reason
            FROM lead l
            LEFT JOIN LATERAL (SELECT at, to_pool_id, reason FROM lead_move WHERE lead_id = l.id ORDER BY id DESC LIMIT 1) m ON true
            WHERE l.owner_rep_id IS NULL AND l.duplicate_of IS NULL AND l.status IN ('NEW', 'CONTACTED', 'QUALIFIED')
            """;

    private final JdbcClient jdbc;

    PoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Map<String, Object> visibility(Viewer viewer) {
        Map<String, Object> params = new HashMap<>();
        params.put("all", viewer.seesAll());
        params.put("viewerTeam", viewer.teamId() == null ? -1L : viewer.teamId());
        params.put("scopeTeam", viewer.scopeTeamId());
        return params;
    }

    public List<Pool> findVisible(Viewer viewer, boolean includeInactive) {
        return withRules(jdbc.sql(select() + " WHERE (p.active OR :inactive) AND " + VISIBLE + " ORDER BY p.is_default DESC, p.name")
                .params(visibility(viewer)).param("inactive", includeInactive)
                .query(PoolRepository::pool).list());
    }

    public Optional<Pool> findVisible(Viewer viewer, long id) {
        return jdbc.sql(select() + " WHERE p.id = :id AND " + VISIBLE).params(visibility(viewer)).param("id", id)
                .query(PoolRepository::pool).optional().map(p -> withRules(List.of(p)).get(0));
    }

    public Optional<Pool> find(long id) {
        return jdbc.sql(select() + " WHERE p.id = :id").param("id", id)
                .query(PoolRepository::pool).optional().map(p -> withRules(List.of(p)).get(0));
    }

    public boolean visible(Viewer viewer, long poolId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM pool p WHERE p.id = :id AND " + VISIBLE + ")")
                .params(visibility(viewer)).param("id", poolId).query(Boolean.class).single();
    }

    public long defaultPoolId() {
        return jdbc.sql("SELECT id FROM pool WHERE is_default").query(Long.class).single();
    }

    /** The pool a lead of this team goes to when it leaves its owner. */
    public long poolForTeam(long teamId) {
        return jdbc.sql("SELECT pool_for_team(:team)").param("team", teamId).query(Long.class).single();
    }

    public boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM pool WHERE active AND lower(name) = lower(:name) AND id <> coalesce(:except, 0))")
                .param("name", name).param("except", exceptId).query(Boolean.class).single();
    }

    public List<Long> existingTeams(List<Long> teamIds) {
        return jdbc.sql("SELECT id FROM team WHERE id = ANY(:ids) AND active")
                .param("ids", SqlArrays.bigint(teamIds)).query(Long.class).list();
    }

    public long insert(PoolCommand cmd) {
        long id = jdbc.sql("""
                        INSERT INTO pool (name, description, claims_per_day, max_owned_leads, count_won_customers, cool_down_days)
                        VALUES (:name, :description, :claims, :maxOwned, :countWon, :coolDown) RETURNING id
                        """)
                .params(columns(cmd)).query(Long.class).single();
        replaceTeamsAndRules(id, cmd);
        return id;
    }

    /** False when the version no longer matches (someone else changed the pool). */
    public boolean update(long id, PoolCommand cmd) {
        int rows = jdbc.sql("""
                        UPDATE pool SET name = :name, description = :description, claims_per_day = :claims,
                               max_owned_leads = :maxOwned, count_won_customers = :countWon, cool_down_days = :coolDown,
                               version = version + 1
                        WHERE id = :id AND (CAST(:version AS integer) IS NULL OR version = :version)
                        """)
                .params(columns(cmd)).param("id", id).param("version", cmd.version()).update();
        if (rows == 1) {
            replaceTeamsAndRules(id, cmd);
        }
        return rows == 1;
    }

    private void replaceTeamsAndRules(long id, PoolCommand cmd) {
        jdbc.sql("DELETE FROM pool_team WHERE pool_id = :id").param("id", id).update();
        for (Long team : cmd.teamIds().stream().distinct().toList()) {
            jdbc.sql("INSERT INTO pool_team (pool_id, team_id) VALUES (:id, :team)").param("id", id).param("team", team).update();
        }
        jdbc.sql("DELETE FROM pool_rule WHERE pool_id = :id").param("id", id).update();
        for (RecoveryRule r : cmd.rules()) {
            jdbc.sql("""
                            INSERT INTO pool_rule (pool_id, grade, no_follow_up_days, no_deal_days, warn_days)
                            VALUES (:id, :grade, :n, :m, :k)
                            """)
                    .param("id", id).param("grade", r.grade()).param("n", r.noFollowUpDays()).param("m", r.noDealDays())
                    .param("k", r.warnDays()).update();
        }
    }

    private static Map<String, Object> columns(PoolCommand cmd) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", cmd.name());
        m.put("description", cmd.description());
        m.put("claims", cmd.claimsPerDay());
        m.put("maxOwned", cmd.maxOwnedLeads());
        m.put("countWon", cmd.countWonCustomers());
        m.put("coolDown", cmd.coolDownDays());
        return m;
    }

    private static String select() {
        return """
                SELECT p.*,
                       ARRAY(SELECT pt.team_id FROM pool_team pt WHERE pt.pool_id = p.id ORDER BY pt.team_id) AS team_ids,
                       ARRAY(SELECT t.name FROM pool_team pt JOIN team t ON t.id = pt.team_id WHERE pt.pool_id = p.id ORDER BY pt.team_id) AS team_names,
                       (SELECT count(*) FROM (%s) pl WHERE pl.in_pool = p.id) AS lead_count
                FROM pool p
                """.formatted(POOLED);
    }

    private List<Pool> withRules(List<Pool> pools) {
        if (pools.isEmpty()) {
            return pools;
        }
        Map<Long, List<RecoveryRule>> rules = new HashMap<>();
        jdbc.sql("SELECT * FROM pool_rule WHERE pool_id = ANY(:ids) ORDER BY grade NULLS LAST")
                .param("ids", SqlArrays.bigint(pools.stream().map(Pool::id).toList()))
                .query(rs -> {
                    rules.computeIfAbsent(rs.getLong("pool_id"), k -> new ArrayList<>()).add(new RecoveryRule(
                            rs.getString("grade"), (Integer) rs.getObject("no_follow_up_days"),
                            (Integer) rs.getObject("no_deal_days"), rs.getInt("warn_days")));
                });
        return pools.stream().map(p -> new Pool(p.id(), p.name(), p.description(), p.isDefault(), p.claimsPerDay(),
                p.maxOwnedLeads(), p.countWonCustomers(), p.coolDownDays(), p.active(), p.teamIds(), p.teamNames(),
                List.copyOf(rules.getOrDefault(p.id(), List.of())), p.leadCount(), p.version())).toList();
    }

    private static Pool pool(ResultSet rs, int n) throws SQLException {
        return new Pool(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getBoolean("is_default"),
                rs.getInt("claims_per_day"), (Integer) rs.getObject("max_owned_leads"), rs.getBoolean("count_won_customers"),
                rs.getInt("cool_down_days"), rs.getBoolean("active"), longs(rs.getArray("team_ids")),
                strings(rs.getArray("team_names")), List.of(), rs.getLong("lead_count"), rs.getInt("version"));
    }

    static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> ((Number) o).longValue()).toList();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
