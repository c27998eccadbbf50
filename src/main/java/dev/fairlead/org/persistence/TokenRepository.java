package dev.fairlead.org.persistence;

import dev.fairlead.org.ApiToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TokenRepository {

    private static final String SELECT = "SELECT k.*, u.username FROM api_token k JOIN app_user u ON u.id = k.user_id";

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ApiToken> findAll() {
        return jdbc.sql(SELECT + " ORDER BY k.created_at DESC").query(TokenRepository::token).list();
    }

    public Optional<ApiToken> find(long id) {
        return jdbc.sql(SELECT + " WHERE k.id = :id").param("id", id).query(TokenRepository::token).optional();
    }

    public long insert(long userId, String name, String hash, String prefix, String createdBy, Instant expiresAt) {
        return jdbc.sql("""
                        INSERT INTO api_token (user_id, name, token_hash, token_prefix, created_by, expires_at)
                        VALUES (:user, :name, :hash, :prefix, :by, :expires) RETURNING id
                        """)
                .param("user", userId)
                .param("name", name.trim())
                .param("hash", hash)
                .param("prefix", prefix)
                .param("by", createdBy)
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class)
                .single();
    }

    public boolean revoke(long id, Instant at) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Recorded at most once a minute per token, so authentication does not write on every request. */
    public void touch(long id, Instant at) {
        jdbc.sql("""
                        UPDATE api_token SET last_used_at = :at
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:at AS timestamptz) - interval '1 minute')
                        """)
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("username"),
                rs.getString("name"),
                rs.getString("token_prefix"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
