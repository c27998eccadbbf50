package dev.fairlead.chat.persistence;

import dev.fairlead.chat.ChatEvent;
import dev.fairlead.chat.ChatPlatform;
import dev.fairlead.common.SqlArrays;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ChatChannelRepository {

    /** A robot as stored, secret and full webhook included: never handed to callers as is. */
    public record Stored(long id, long teamId, ChatPlatform platform, String name, String webhook, String secret,
            String locale, Set<ChatEvent> events, boolean active, Instant createdAt, int version) {}

    private final JdbcClient jdbc;

    ChatChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Stored> list(long teamId) {
        return jdbc.sql("SELECT * FROM chat_channel WHERE team_id = :team ORDER BY id").param("team", teamId)
                .query(ChatChannelRepository::stored).list();
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("SELECT * FROM chat_channel WHERE id = :id").param("id", id).query(ChatChannelRepository::stored).optional();
    }

    public long insert(long teamId, ChatPlatform platform, String name, String webhook, String secret, String locale,
            Set<ChatEvent> events, boolean active, Instant at) {
        return jdbc.sql("""
                        INSERT INTO chat_channel (team_id, platform, name, webhook, secret, locale, events, active, created_at)
                        VALUES (:team, :platform, :name, :webhook, :secret, :locale, :events, :active, :at) RETURNING id
                        """)
                .param("team", teamId).param("platform", platform.name()).param("name", name).param("webhook", webhook)
                .param("secret", secret).param("locale", locale).param("events", names(events)).param("active", active)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    /** False when someone else changed the robot since {@code version} was read. */
    public boolean update(long id, int version, String name, String webhook, String secret, String locale, Set<ChatEvent> events,
            boolean active) {
        return jdbc.sql("""
                        UPDATE chat_channel SET name = :name, webhook = :webhook, secret = :secret, locale = :locale,
                               events = :events, active = :active, version = version + 1
                        WHERE id = :id AND version = :version
                        """)
                .param("id", id).param("version", version).param("name", name).param("webhook", webhook).param("secret", secret)
                .param("locale", locale).param("events", names(events)).param("active", active).update() == 1;
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM chat_channel WHERE id = :id").param("id", id).update();
    }

    /** The active robots of the rep's team that are told {@code events} (any of them). */
    public List<Stored> forRep(long repId, Collection<ChatEvent> events) {
        return jdbc.sql("""
                        SELECT c.* FROM chat_channel c JOIN rep r ON r.team_id = c.team_id
                        WHERE r.id = :rep AND c.active AND c.events && :events ORDER BY c.id
                        """)
                .param("rep", repId).param("events", names(events)).query(ChatChannelRepository::stored).list();
    }

    /** Whether any active robot anywhere is told any of {@code events}: lets a busy import skip the per-lead look-ups. */
    public boolean anyFor(Collection<ChatEvent> events) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM chat_channel WHERE active AND events && :events)")
                .param("events", names(events)).query(Boolean.class).single();
    }

    public Map<ChatPlatform, String> repIds(long repId) {
        Map<ChatPlatform, String> ids = new EnumMap<>(ChatPlatform.class);
        jdbc.sql("SELECT platform, external_id FROM chat_rep_id WHERE rep_id = :rep").param("rep", repId)
                .query((rs, n) -> ids.put(ChatPlatform.valueOf(rs.getString("platform")), rs.getString("external_id"))).list();
        return ids;
    }

    public Optional<String> repId(long repId, ChatPlatform platform) {
        return jdbc.sql("SELECT external_id FROM chat_rep_id WHERE rep_id = :rep AND platform = :platform")
                .param("rep", repId).param("platform", platform.name()).query(String.class).optional();
    }

    public void putRepIds(long repId, Map<ChatPlatform, String> ids) {
        jdbc.sql("DELETE FROM chat_rep_id WHERE rep_id = :rep").param("rep", repId).update();
        ids.forEach((platform, id) -> jdbc.sql("INSERT INTO chat_rep_id (rep_id, platform, external_id) VALUES (:rep, :platform, :id)")
                .param("rep", repId).param("platform", platform.name()).param("id", id).update());
    }

    private static Object names(Collection<ChatEvent> events) {
        return SqlArrays.typed("varchar", events.stream().map(Enum::name).toList());
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray("events");
        Set<ChatEvent> events = EnumSet.noneOf(ChatEvent.class);
        Arrays.stream((String[]) array.getArray()).map(ChatEvent::valueOf).forEach(events::add);
        return new Stored(rs.getLong("id"), rs.getLong("team_id"), ChatPlatform.valueOf(rs.getString("platform")), rs.getString("name"),
                rs.getString("webhook"), rs.getString("secret"), rs.getString("locale"), events, rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }
}
