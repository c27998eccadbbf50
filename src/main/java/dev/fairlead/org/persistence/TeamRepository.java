package dev.fairlead.org.persistence;

import dev.fairlead.common.Viewer;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamCommand;
import dev.fairlead.org.TeamKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TeamRepository {

    private static final String SELECT = """
            SELECT t.*, p.name AS parent_name,
                   (SELECT count(*) FROM rep r WHERE r.team_id = t.id AND r.active) AS active_reps
            FROM team t LEFT JOIN team p ON p.id = t.parent_id
            """;

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Team> findVisible(Viewer viewer, boolean includeInactive) {
        return jdbc.sql(SELECT + " WHERE " + Scope.TEAMS + " AND (t.active OR :inactive) ORDER BY t.kind, t.name")
                .params(Scope.params(viewer))
                .param("inactive", includeInactive)
                .query(TeamRepository::team)
                .list();
    }

    public Optional<Team> findVisible(Viewer viewer, long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id AND " + Scope.TEAMS)
                .params(Scope.params(viewer))
                .param("id", id)
                .query(TeamRepository::team)
                .optional();
    }

    public Optional<Team> find(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(TeamRepository::team).optional();
    }

    /** For each team: the team itself and every team above it, nearest first. */
    public java.util.Map<Long, List<Long>> ancestry(java.util.Collection<Long> teamIds) {
        java.util.Map<Long, List<Long>> result = new java.util.HashMap<>();
        jdbc.sql("""
                        WITH RECURSIVE up(team_id, ancestor, depth) AS (
                            SELECT id, id, 0 FROM team WHERE id = ANY(:teams)
                            UNION ALL
                            SELECT up.team_id, t.parent_id, up.depth + 1 FROM up JOIN team t ON t.id = up.ancestor
                            WHERE t.parent_id IS NOT NULL)
                        SELECT team_id, ancestor FROM up ORDER BY team_id, depth
                        """)
                .param("teams", dev.fairlead.common.SqlArrays.bigint(teamIds))
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("team_id"), k -> new java.util.ArrayList<>()).add(rs.getLong("ancestor"));
                });
        return result;
    }

    /** True when {@code candidate} is {@code root} or lies below it. */
    public boolean inSubtree(long root, long candidate) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM team_subtree(:root) s WHERE s = :candidate)")
                .param("root", root)
                .param("candidate", candidate)
                .query(Boolean.class)
                .single();
    }

    public long insert(TeamCommand cmd) {
        return jdbc.sql("INSERT INTO team (name, kind, parent_id) VALUES (:name, :kind, :parent) RETURNING id")
                .param("name", cmd.name().trim())
                .param("kind", cmd.kind().name())
                .param("parent", cmd.parentId())
                .query(Long.class)
                .single();
    }

    /** Updates when the version matches (or none was given); false when someone else changed it first. */
    public boolean update(long id, TeamCommand cmd) {
        return jdbc.sql("""
                        UPDATE team SET name = :name, kind = :kind, parent_id = :parent, version = version + 1
                        WHERE id = :id AND (CAST(:version AS integer) IS NULL OR version = :version)
                        """)
                .param("id", id)
                .param("name", cmd.name().trim())
                .param("kind", cmd.kind().name())
                .param("parent", cmd.parentId())
                .param("version", cmd.version())
                .update() == 1;
    }

    public void setActive(long id, boolean active) {
        jdbc.sql("UPDATE team SET active = :active, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("active", active)
                .update();
    }

    public int activeChildren(long id) {
        return jdbc.sql("SELECT count(*) FROM team WHERE parent_id = :id AND active")
                .param("id", id).query(Integer.class).single();
    }

    public boolean nameTakenAmongSiblings(Long parentId, String name, Long exceptId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM team WHERE active AND coalesce(parent_id, 0) = coalesce(:parent, 0)
                                       AND lower(name) = lower(:name) AND id <> coalesce(:except, 0))
                        """)
                .param("parent", parentId)
                .param("name", name.trim())
                .param("except", exceptId)
                .query(Boolean.class)
                .single();
    }

    static Team team(ResultSet rs, int row) throws SQLException {
        return new Team(
                rs.getLong("id"),
                rs.getString("name"),
                TeamKind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("parent_id"),
                rs.getString("parent_name"),
                rs.getBoolean("active"),
                rs.getInt("active_reps"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }
}
