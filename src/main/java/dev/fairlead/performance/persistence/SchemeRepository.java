package dev.fairlead.performance.persistence;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.performance.Audience;
import dev.fairlead.performance.KpiScheme;
import dev.fairlead.performance.SchemeStatus;
import dev.fairlead.performance.domain.Dimension;
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
public class SchemeRepository {

    private static final TypeReference<List<Dimension>> DIMENSIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SchemeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<KpiScheme> findAll() {
        return jdbc.sql("SELECT * FROM kpi_scheme ORDER BY audience, period_kind, version DESC LIMIT 500").query(this::row).list();
    }

    public Optional<KpiScheme> find(long id) {
        return jdbc.sql("SELECT * FROM kpi_scheme WHERE id = :id").param("id", id).query(this::row).optional();
    }

    public List<KpiScheme> active(PeriodKind kind) {
        return jdbc.sql("SELECT * FROM kpi_scheme WHERE status = 'ACTIVE' AND period_kind = :kind")
                .param("kind", kind.name()).query(this::row).list();
    }

    /** Locks the active version of the audience and period kind (if any) so two activations cannot interleave. */
    public Optional<KpiScheme> lockActive(Audience audience, PeriodKind kind) {
        return jdbc.sql("SELECT * FROM kpi_scheme WHERE status = 'ACTIVE' AND audience = :audience AND period_kind = :kind FOR UPDATE")
                .param("audience", audience.name()).param("kind", kind.name()).query(this::row).optional();
    }

    public long insertDraft(Audience audience, PeriodKind kind, String name, Long basedOn, List<Dimension> dimensions, String actor,
            Instant at) {
        jdbc.sql("LOCK TABLE kpi_scheme IN SHARE ROW EXCLUSIVE MODE").update();
        return jdbc.sql("""
                        INSERT INTO kpi_scheme (audience, period_kind, version, name, status, dimensions, based_on, created_by, created_at)
                        VALUES (:audience, :kind, (SELECT coalesce(max(version), 0) + 1 FROM kpi_scheme WHERE audience = :audience
                                AND period_kind = :kind), :name, 'DRAFT', CAST(:dimensions AS jsonb), :basedOn, :actor, :at)
                        RETURNING id
                        """)
                .param("audience", audience.name()).param("kind", kind.name()).param("name", name)
                .param("dimensions", json.writeValueAsString(dimensions)).param("basedOn", basedOn)
                .param("actor", actor).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Replaces a draft's name and dimensions; false when it is no longer a draft or {@code rowVersion} is stale. */
    public boolean updateDraft(long id, String name, List<Dimension> dimensions, Integer rowVersion) {
        return jdbc.sql("""
                        UPDATE kpi_scheme SET name = :name, dimensions = CAST(:dimensions AS jsonb), row_version = row_version + 1
                        WHERE id = :id AND status = 'DRAFT' AND (CAST(:rv AS integer) IS NULL OR row_version = :rv)
                        """)
                .param("id", id).param("name", name).param("dimensions", json.writeValueAsString(dimensions)).param("rv", rowVersion)
                .update() == 1;
    }

    public void setStatus(long id, SchemeStatus status, String actor, Instant at) {
        jdbc.sql("""
                        UPDATE kpi_scheme SET status = :status, row_version = row_version + 1,
                               activated_by = CASE WHEN :status = 'ACTIVE' THEN :actor ELSE activated_by END,
                               activated_at = CASE WHEN :status = 'ACTIVE' THEN CAST(:at AS timestamptz) ELSE activated_at END
                        WHERE id = :id
                        """)
                .param("id", id).param("status", status.name()).param("actor", actor).param("at", Timestamp.from(at)).update();
    }

    private KpiScheme row(ResultSet rs, int n) throws SQLException {
        Timestamp activated = rs.getTimestamp("activated_at");
        return new KpiScheme(rs.getLong("id"), Audience.valueOf(rs.getString("audience")), PeriodKind.valueOf(rs.getString("period_kind")),
                rs.getInt("version"), rs.getString("name"), SchemeStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("dimensions"), DIMENSIONS), (Long) rs.getObject("based_on"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("activated_by"), activated == null ? null : activated.toInstant(),
                rs.getInt("row_version"));
    }
}
