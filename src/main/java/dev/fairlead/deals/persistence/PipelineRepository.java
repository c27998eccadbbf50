package dev.fairlead.deals.persistence;

import dev.fairlead.deals.DealStage;
import dev.fairlead.deals.Pipeline;
import dev.fairlead.deals.PipelineCommand;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PipelineRepository {

    private final JdbcClient jdbc;

    PipelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pipeline of the team: its own stages, else its nearest ancestor's, else the company default. */
    public Pipeline forTeam(Long teamId) {
        Long owner = teamId == null ? null : jdbc.sql("""
                        WITH RECURSIVE up(id, parent_id, depth) AS (
                            SELECT id, parent_id, 0 FROM team WHERE id = :team
                            UNION ALL
                            SELECT t.id, t.parent_id, up.depth + 1 FROM team t JOIN up ON t.id = up.parent_id)
                        SELECT up.id FROM up WHERE EXISTS (SELECT 1 FROM deal_stage s WHERE s.team_id = up.id)
                        ORDER BY depth LIMIT 1
                        """)
                .param("team", teamId).query(Long.class).optional().orElse(null);
        List<DealStage> stages = jdbc.sql("""
                        SELECT code, name_en, name_zh, position, probability FROM deal_stage
                        WHERE coalesce(team_id, 0) = coalesce(CAST(:owner AS bigint), 0) ORDER BY position
                        """)
                .param("owner", owner)
                .query((rs, n) -> new DealStage(rs.getString("code"), rs.getString("name_en"), rs.getString("name_zh"),
                        rs.getInt("position"), rs.getInt("probability")))
                .list();
        return new Pipeline(owner, teamId != null && !teamId.equals(owner), stages);
    }

    /** Replaces the team's own stages (config, not business data: the audit trail keeps the old ones). */
    public void replace(long teamId, List<PipelineCommand.Stage> stages) {
        jdbc.sql("DELETE FROM deal_stage WHERE team_id = :team").param("team", teamId).update();
        int position = 1;
        for (PipelineCommand.Stage s : stages) {
            jdbc.sql("""
                            INSERT INTO deal_stage (team_id, code, name_en, name_zh, position, probability)
                            VALUES (:team, :code, :en, :zh, :position, :probability)
                            """)
                    .param("team", teamId).param("code", s.code()).param("en", s.nameEn().trim()).param("zh", s.nameZh().trim())
                    .param("position", position++).param("probability", s.probability())
                    .update();
        }
    }

    /** Drops the team's own stages so it uses its parent's (or the default) again. */
    public void removeOwn(long teamId) {
        jdbc.sql("DELETE FROM deal_stage WHERE team_id = :team").param("team", teamId).update();
    }
}
