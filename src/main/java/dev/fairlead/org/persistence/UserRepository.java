package dev.fairlead.org.persistence;

import dev.fairlead.common.Role;
import dev.fairlead.org.User;
import dev.fairlead.org.UserCommand;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    /** What login needs: the stored hash and the lock state, never exposed beyond the security package. */
    public record Credentials(User user, String passwordHash, Instant lockedUntil) {}

    private static final String SELECT = """
            SELECT u.*, coalesce(u.team_id, r.team_id) AS scope_team_id
            FROM app_user u LEFT JOIN rep r ON r.id = u.rep_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<User> findAll() {
        return jdbc.sql(SELECT + " ORDER BY u.role, u.username").query(this::user).list();
    }

    public Optional<User> find(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(this::user).optional();
    }

    /** The enabled user behind an active token, with the token's id and last use. */
    public record TokenUser(User user, long tokenId, Instant tokenLastUsedAt) {}

    /** The user behind the active token with this hash, if the user is enabled: one statement for bearer authentication. */
    public Optional<TokenUser> findByActiveToken(String tokenHash, Instant now) {
        return jdbc.sql("""
                        SELECT u.*, coalesce(u.team_id, r.team_id) AS scope_team_id, k.id AS token_id, k.last_used_at AS token_last_used_at
                        FROM api_token k JOIN app_user u ON u.id = k.user_id LEFT JOIN rep r ON r.id = u.rep_id
                        WHERE k.token_hash = :hash AND k.revoked_at IS NULL AND u.enabled
                          AND (u.locked_until IS NULL OR u.locked_until <= :now)
                          AND (k.expires_at IS NULL OR k.expires_at > :now)
                        """)
                .param("hash", tokenHash)
                .param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new TokenUser(user(rs, n), rs.getLong("token_id"), instant(rs, "token_last_used_at")))
                .optional();
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql(SELECT + " WHERE lower(u.username) = lower(:username)")
                .param("username", username)
                .query((rs, n) -> new Credentials(user(rs, n), rs.getString("password_hash"), instant(rs, "locked_until")))
                .optional();
    }

    public boolean usernameTaken(String username, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(username) = lower(:u) AND id <> coalesce(:except, 0))")
                .param("u", username).param("except", exceptId).query(Boolean.class).single();
    }

    public boolean repLinkedToOtherUser(long repId, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE rep_id = :rep AND id <> coalesce(:except, 0))")
                .param("rep", repId).param("except", exceptId).query(Boolean.class).single();
    }

    public long insert(UserCommand cmd, String passwordHash) {
        return jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role, team_id, rep_id, locale, enabled)
                        VALUES (:username, :hash, :name, :email, :role, :team, :rep, :locale, :enabled) RETURNING id
                        """)
                .param("username", cmd.username().trim())
                .param("hash", passwordHash)
                .param("name", cmd.displayName().trim())
                .param("email", cmd.email())
                .param("role", cmd.role().name())
                .param("team", cmd.teamId())
                .param("rep", cmd.repId())
                .param("locale", cmd.locale())
                .param("enabled", cmd.enabled())
                .query(Long.class)
                .single();
    }

    public boolean update(long id, UserCommand cmd, String newPasswordHashOrNull) {
        return jdbc.sql("""
                        UPDATE app_user SET username = :username, display_name = :name, email = :email, role = :role,
                               team_id = :team, rep_id = :rep, locale = :locale, enabled = :enabled,
                               password_hash = coalesce(:hash, password_hash), version = version + 1
                        WHERE id = :id AND (CAST(:version AS integer) IS NULL OR version = :version)
                        """)
                .param("id", id)
                .param("username", cmd.username().trim())
                .param("name", cmd.displayName().trim())
                .param("email", cmd.email())
                .param("role", cmd.role().name())
                .param("team", cmd.teamId())
                .param("rep", cmd.repId())
                .param("locale", cmd.locale())
                .param("enabled", cmd.enabled())
                .param("hash", newPasswordHashOrNull)
                .param("version", cmd.version())
                .update() == 1;
    }

    public void setLocale(long id, String locale) {
        jdbc.sql("UPDATE app_user SET locale = :locale WHERE id = :id").param("id", id).param("locale", locale).update();
    }

    /**
     * Counts a failed login and locks the account once the limit is reached. Returns the new count.
     * A lock that has run out starts the count again, so one typo after a lockout does not lock
     * the account at once. Both columns are computed from the row itself so concurrent failures
     * are all counted.
     */
    public int recordFailedLogin(String username, int maxFailures, Instant now, Instant lockUntil) {
        return jdbc.sql("""
                        UPDATE app_user SET
                               failed_logins = CASE WHEN locked_until <= :now THEN 1 ELSE failed_logins + 1 END,
                               locked_until = CASE
                                   WHEN (CASE WHEN locked_until <= :now THEN 1 ELSE failed_logins + 1 END) >= :max THEN :until
                                   WHEN locked_until <= :now THEN NULL
                                   ELSE locked_until END
                        WHERE lower(username) = lower(:username)
                        RETURNING failed_logins
                        """)
                .param("username", username)
                .param("max", maxFailures)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(lockUntil))
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    public void recordSuccessfulLogin(String username) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE lower(username) = lower(:username) AND (failed_logins > 0 OR locked_until IS NOT NULL)")
                .param("username", username)
                .update();
    }

    public void unlock(long id) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = :id").param("id", id).update();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    /** {@code locked} is read against the application clock, the same one login checks the lock with. */
    private User user(ResultSet rs, int n) throws SQLException {
        Instant lockedUntil = instant(rs, "locked_until");
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                (Long) rs.getObject("scope_team_id"),
                (Long) rs.getObject("rep_id"),
                rs.getString("locale"),
                rs.getBoolean("enabled"),
                lockedUntil != null && lockedUntil.isAfter(clock.instant()),
                instant(rs, "created_at"),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
