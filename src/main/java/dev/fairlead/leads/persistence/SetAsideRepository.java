package dev.fairlead.leads.persistence;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.SetAside;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fields set aside at intake (table {@code lead_set_aside}), read within the viewer's lead scope. */
@Repository
public class SetAsideRepository {

    /** One set-aside field with the lead it belongs to. */
    public record Row(long id, long leadId, String company, String contactName, String field, String value, String reasonEn,
            String reasonZh, String channel, Instant createdAt, String resolution, String correctedValue, Instant resolvedAt,
            String resolvedBy) {}

    private static final String SELECT = """
            SELECT s.*, l.company, l.contact_name FROM lead_set_aside s JOIN lead l ON l.id = s.lead_id""";

    private final JdbcClient jdbc;

    SetAsideRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long leadId, List<SetAside> items, String channel, Instant at) {
        for (SetAside item : items) {
            jdbc.sql("""
                            INSERT INTO lead_set_aside (lead_id, field, value, reason_en, reason_zh, channel, created_at)
                            VALUES (:lead, :field, :value, :en, :zh, :channel, :at)
                            """)
                    .param("lead", leadId).param("field", item.field()).param("value", item.value())
                    .param("en", item.reasonEn()).param("zh", item.reasonZh())
                    .param("channel", channel.length() <= 60 ? channel : channel.substring(0, 60))
                    .param("at", Timestamp.from(at)).update();
        }
    }

    /** Open items on leads the viewer may see, newest first. */
    public List<Row> openVisible(Viewer viewer, int limit, int offset) {
        return jdbc.sql(SELECT + " WHERE s.resolution IS NULL AND " + LeadRepository.SCOPE
                        + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit OFFSET :offset")
                .params(LeadRepository.scope(viewer)).param("limit", limit).param("offset", offset)
                .query(SetAsideRepository::row).list();
    }

    public long countOpenVisible(Viewer viewer) {
        return jdbc.sql("SELECT count(*) FROM lead_set_aside s JOIN lead l ON l.id = s.lead_id WHERE s.resolution IS NULL AND "
                        + LeadRepository.SCOPE)
                .params(LeadRepository.scope(viewer)).query(Long.class).single();
    }

    /** Every item of one lead, open ones first. */
    public List<Row> forLead(long leadId) {
        return jdbc.sql(SELECT + " WHERE s.lead_id = :lead ORDER BY s.resolution NULLS FIRST, s.id")
                .param("lead", leadId).query(SetAsideRepository::row).list();
    }

    /** The item, its row locked until the transaction ends. */
    public Optional<Row> findLocked(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id FOR UPDATE OF s").param("id", id).query(SetAsideRepository::row).optional();
    }

    public void resolve(long id, String resolution, String correctedValue, Instant at, String by) {
        jdbc.sql("""
                        UPDATE lead_set_aside SET resolution = :resolution, corrected_value = :corrected, resolved_at = :at,
                               resolved_by = :by
                        WHERE id = :id
                        """)
                .param("id", id).param("resolution", resolution).param("corrected", correctedValue)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Row(rs.getLong("id"), rs.getLong("lead_id"), rs.getString("company"), rs.getString("contact_name"),
                rs.getString("field"), rs.getString("value"), rs.getString("reason_en"), rs.getString("reason_zh"),
                rs.getString("channel"), rs.getTimestamp("created_at").toInstant(), rs.getString("resolution"),
                rs.getString("corrected_value"), resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"));
    }
}
