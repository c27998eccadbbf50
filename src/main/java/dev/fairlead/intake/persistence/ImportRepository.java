package dev.fairlead.intake.persistence;

import dev.fairlead.common.Viewer;
import dev.fairlead.intake.ImportJob;
import dev.fairlead.intake.ImportRow;
import dev.fairlead.leads.DuplicatePolicy;
import dev.fairlead.leads.LeadField;
import dev.fairlead.leads.LeadSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class ImportRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<List<String>>> ROWS = new TypeReference<>() {};
    private static final TypeReference<Map<Integer, LeadField>> MAPPING = new TypeReference<>() {};

    /** Columns of a new upload. */
    public record NewJob(String createdBy, long userId, String locale, String fileName, String format, String charset,
            Character separator, String storedPath, long sizeBytes, List<String> headers, List<List<String>> sample,
            Instant createdAt) {}

    /** What the runner needs beyond the public record. */
    public record RunSpec(ImportJob job, String storedPath, Character separator, String locale, long userId) {}

    /** A row's outcome to store. */
    public record RowResult(int rowNumber, ImportRow.Outcome outcome, Long leadId, List<String> cells, String reason) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    ImportRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public long insert(NewJob j) {
        return jdbc.sql("""
                        INSERT INTO import_job (created_by, created_by_user, locale, file_name, format, charset, separator,
                                                stored_path, size_bytes, headers, sample, status, created_at)
                        VALUES (:by, :user, :locale, :name, :format, :charset, :separator, :path, :size,
                                CAST(:headers AS jsonb), CAST(:sample AS jsonb), 'UPLOADED', :at)
                        RETURNING id
                        """)
                .param("by", j.createdBy()).param("user", j.userId()).param("locale", j.locale()).param("name", j.fileName())
                .param("format", j.format()).param("charset", j.charset())
                .param("separator", j.separator() == null ? null : String.valueOf(j.separator()))
                .param("path", j.storedPath()).param("size", j.sizeBytes())
                .param("headers", json.writeValueAsString(j.headers())).param("sample", json.writeValueAsString(j.sample()))
                .param("at", Timestamp.from(j.createdAt()))
                .query(Long.class).single();
    }

    public Optional<ImportJob> find(long id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = :id").param("id", id).query((rs, n) -> job(rs)).optional();
    }

    /** Admins and directors see every import; others their own. */
    public Optional<ImportJob> findVisible(Viewer viewer, long id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = :id AND (:all OR created_by_user = :user)")
                .param("id", id).param("all", viewer.seesAll()).param("user", viewer.userId())
                .query((rs, n) -> job(rs)).optional();
    }

    public List<ImportJob> listVisible(Viewer viewer, int limit) {
        return jdbc.sql("SELECT * FROM import_job WHERE (:all OR created_by_user = :user) ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("all", viewer.seesAll()).param("user", viewer.userId()).param("limit", limit)
                .query((rs, n) -> job(rs)).list();
    }

    public Optional<RunSpec> runSpec(long id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = :id").param("id", id)
                .query((rs, n) -> new RunSpec(job(rs), rs.getString("stored_path"),
                        rs.getString("separator") == null ? null : rs.getString("separator").charAt(0), rs.getString("locale"),
                        rs.getLong("created_by_user")))
                .optional();
    }

    public void queue(long id, Map<Integer, LeadField> mapping, DuplicatePolicy policy, LeadSource defaultSource, Instant at) {
        jdbc.sql("""
                        UPDATE import_job SET mapping = CAST(:mapping AS jsonb), duplicate_policy = :policy, default_source = :source,
                               status = 'QUEUED', heartbeat_at = :at
                        WHERE id = :id
                        """)
                .param("id", id).param("mapping", json.writeValueAsString(mapping))
                .param("policy", policy == null ? null : policy.name()).param("source", defaultSource.name())
                .param("at", Timestamp.from(at)).update();
    }

    /** Claims a queued job, or a running one whose node stopped sending heartbeats; false when another node has it. */
    public boolean claim(long id, Instant now, Instant staleBefore) {
        return jdbc.sql("""
                        UPDATE import_job SET status = 'RUNNING', started_at = coalesce(started_at, :now), heartbeat_at = :now
                        WHERE id = :id AND (status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < :stale))
                        """)
                .param("id", id).param("now", Timestamp.from(now)).param("stale", Timestamp.from(staleBefore))
                .update() == 1;
    }

    public List<Long> stale(Instant staleBefore) {
        return jdbc.sql("SELECT id FROM import_job WHERE status IN ('QUEUED', 'RUNNING') AND heartbeat_at < :stale ORDER BY id")
                .param("stale", Timestamp.from(staleBefore)).query(Long.class).list();
    }

    public int lastRow(long id) {
        return jdbc.sql("SELECT coalesce(max(row_number), 0) FROM import_row WHERE job_id = :id").param("id", id)
                .query(Integer.class).single();
    }

    public void insertRows(long jobId, List<RowResult> rows) {
        template.batchUpdate("INSERT INTO import_row (job_id, row_number, outcome, lead_id, cells, reason) VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)",
                rows, 500, (ps, r) -> {
                    ps.setLong(1, jobId);
                    ps.setInt(2, r.rowNumber());
                    ps.setString(3, r.outcome().name());
                    ps.setObject(4, r.leadId());
                    ps.setString(5, r.cells() == null ? null : json.writeValueAsString(r.cells()));
                    ps.setString(6, r.reason());
                });
    }

    public void addCounts(long id, int read, int accepted, int flagged, int merged, int rejected, int setAside, double progress,
            Instant at) {
        jdbc.sql("""
                        UPDATE import_job SET rows_read = rows_read + :read, accepted = accepted + :accepted,
                               flagged = flagged + :flagged, merged = merged + :merged, rejected = rejected + :rejected,
                               set_aside = set_aside + :setAside,
                               progress = greatest(progress, :progress), heartbeat_at = :at
                        WHERE id = :id
                        """)
                .param("id", id).param("read", read).param("accepted", accepted).param("flagged", flagged)
                .param("merged", merged).param("rejected", rejected).param("setAside", setAside).param("progress", progress).param("at", Timestamp.from(at))
                .update();
    }

    public void finish(long id, ImportJob.Status status, String error, Instant at) {
        jdbc.sql("UPDATE import_job SET status = :status, error = :error, finished_at = :at, heartbeat_at = :at, progress = CASE WHEN :status = 'DONE' THEN 1 ELSE progress END WHERE id = :id")
                .param("id", id).param("status", status.name()).param("error", error).param("at", Timestamp.from(at)).update();
    }

    public List<ImportRow> rows(long jobId, ImportRow.Outcome outcome, int limit, int offset) {
        return jdbc.sql("""
                        SELECT * FROM import_row WHERE job_id = :job AND (CAST(:outcome AS text) IS NULL OR outcome = :outcome)
                        ORDER BY row_number LIMIT :limit OFFSET :offset
                        """)
                .param("job", jobId).param("outcome", outcome == null ? null : outcome.name())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> row(rs)).list();
    }

    /** Every rejected row in order, streamed from a cursor. Call inside a transaction. */
    public void eachRejected(long jobId, Consumer<ImportRow> consumer) {
        JdbcTemplate cursor = new JdbcTemplate(template.getDataSource());
        cursor.setFetchSize(1000);
        cursor.query("SELECT * FROM import_row WHERE job_id = ? AND outcome = 'REJECTED' ORDER BY row_number",
                rs -> {
                    consumer.accept(row(rs));
                }, jobId);
    }

    private ImportRow row(ResultSet rs) throws SQLException {
        String cells = rs.getString("cells");
        return new ImportRow(rs.getInt("row_number"), ImportRow.Outcome.valueOf(rs.getString("outcome")),
                (Long) rs.getObject("lead_id"), cells == null ? null : json.readValue(cells, STRINGS), rs.getString("reason"));
    }

    private ImportJob job(ResultSet rs) throws SQLException {
        String mapping = rs.getString("mapping");
        String policy = rs.getString("duplicate_policy");
        return new ImportJob(rs.getLong("id"), rs.getString("created_by"), rs.getString("file_name"), rs.getString("format"),
                rs.getString("charset"), json.readValue(rs.getString("headers"), STRINGS), json.readValue(rs.getString("sample"), ROWS),
                mapping == null ? null : new LinkedHashMap<>(json.readValue(mapping, MAPPING)),
                policy == null ? null : DuplicatePolicy.valueOf(policy), LeadSource.valueOf(rs.getString("default_source")),
                ImportJob.Status.valueOf(rs.getString("status")), rs.getInt("rows_read"), rs.getInt("accepted"),
                rs.getInt("flagged"), rs.getInt("merged"), rs.getInt("rejected"), rs.getInt("set_aside"), rs.getDouble("progress"), rs.getString("error"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
