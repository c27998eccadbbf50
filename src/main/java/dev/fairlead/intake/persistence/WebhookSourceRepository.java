package dev.fairlead.intake.persistence;

import dev.fairlead.intake.WebhookSource;
import dev.fairlead.leads.LeadSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WebhookSourceRepository {

    public record WithSecret(WebhookSource source, String secret) {}

    private final JdbcClient jdbc;

    WebhookSourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<WebhookSource> list() {
        return jdbc.sql("SELECT * FROM webhook_source ORDER BY name").query((rs, n) -> source(rs)).list();
    }

    public Optional<WithSecret> find(String name) {
        return jdbc.sql("SELECT * FROM webhook_source WHERE name = :name").param("name", name)
                .query((rs, n) -> new WithSecret(source(rs), rs.getString("secret"))).optional();
    }

    public Optional<WebhookSource> find(long id) {
        return jdbc.sql("SELECT * FROM webhook_source WHERE id = :id").param("id", id).query((rs, n) -> source(rs)).optional();
    }

    public long insert(String name, String secret, LeadSource leadSource, String by, Instant at) {
        return jdbc.sql("""
                        INSERT INTO webhook_source (name, secret, lead_source, created_at, created_by)
                        VALUES (:name, :secret, :source, :at, :by) RETURNING id
                        """)
                .param("name", name).param("secret", secret).param("source", leadSource.name())
                .param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    public void rotate(long id, String secret, Instant at) {
        jdbc.sql("UPDATE webhook_source SET secret = :secret, rotated_at = :at WHERE id = :id")
                .param("id", id).param("secret", secret).param("at", Timestamp.from(at)).update();
    }

    public void setActive(long id, boolean active) {
        jdbc.sql("UPDATE webhook_source SET active = :active WHERE id = :id").param("id", id).param("active", active).update();
    }

    private static WebhookSource source(ResultSet rs) throws SQLException {
        Timestamp rotated = rs.getTimestamp("rotated_at");
        return new WebhookSource(rs.getLong("id"), rs.getString("name"), LeadSource.valueOf(rs.getString("lead_source")),
                rs.getBoolean("active"), false, rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rotated == null ? null : rotated.toInstant());
    }
}
