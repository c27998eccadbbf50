package dev.fairlead.notify.persistence;

import dev.fairlead.notify.InboxItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class NotificationRepository {

    /** A queued delivery with the notification it carries. */
    public record Delivery(long id, long notificationId, String channel, String address, String locale, int attempts,
            Long userId, String name, String kind, String title, String body, String link) {}

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Long userId, String kind, String title, String body, String link, Instant at) {
        return jdbc.sql("""
                        INSERT INTO notification (user_id, kind, title, body, link, created_at)
                        VALUES (:user, :kind, :title, :body, :link, :at) RETURNING id
                        """)
                .param("user", userId).param("kind", kind).param("title", title).param("body", body)
                .param("link", link).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    public void queueDelivery(long notificationId, String channel, String address, String locale, Instant at) {
        jdbc.sql("""
                        INSERT INTO notification_delivery (notification_id, channel, address, locale, next_attempt_at)
                        VALUES (:n, :channel, :address, :locale, :at) ON CONFLICT DO NOTHING
                        """)
                .param("n", notificationId).param("channel", channel).param("address", address)
                .param("locale", locale).param("at", Timestamp.from(at)).update();
    }

    public List<InboxItem> inbox(long userId, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                        SELECT * FROM notification WHERE user_id = :user AND (NOT :unread OR read_at IS NULL)
                        ORDER BY id DESC LIMIT :limit
                        """)
                .param("user", userId).param("unread", unreadOnly).param("limit", limit)
                .query(NotificationRepository::item).list();
    }

    public Optional<InboxItem> find(long userId, long id) {
        return jdbc.sql("SELECT * FROM notification WHERE user_id = :user AND id = :id")
                .param("user", userId).param("id", id).query(NotificationRepository::item).optional();
    }

    public long unreadCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).query(Long.class).single();
    }

    public void markRead(long userId, long id, Instant at) {
        jdbc.sql("UPDATE notification SET read_at = :at WHERE user_id = :user AND id = :id AND read_at IS NULL")
                .param("user", userId).param("id", id).param("at", Timestamp.from(at)).update();
    }

    public int markAllRead(long userId, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = :at WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).param("at", Timestamp.from(at)).update();
    }

    /** Due deliveries, locked so that another node's delivery run skips them. */
    public List<Delivery> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.notification_id, d.channel, d.address, d.locale, d.attempts,
                               n.user_id, n.kind, n.title, n.body, n.link, coalesce(u.display_name, '') AS name
                        FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
                        LEFT JOIN app_user u ON u.id = n.user_id
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                        ORDER BY d.next_attempt_at, d.id LIMIT :limit
                        FOR UPDATE OF d SKIP LOCKED
                        """)
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getLong("notification_id"), rs.getString("channel"),
                        rs.getString("address"), rs.getString("locale"), rs.getInt("attempts"),
                        (Long) rs.getObject("user_id"), rs.getString("name"), rs.getString("kind"), rs.getString("title"),
                        rs.getString("body"), rs.getString("link")))
                .list();
    }

    public void sent(long deliveryId, Instant at) {
        jdbc.sql("UPDATE notification_delivery SET status = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = NULL WHERE id = :id")
                .param("id", deliveryId).param("at", Timestamp.from(at)).update();
    }

    public void failed(long deliveryId, String error, Instant retryAt, boolean giveUp) {
        jdbc.sql("""
                        UPDATE notification_delivery SET attempts = attempts + 1, last_error = :error,
                               next_attempt_at = :retry, status = CASE WHEN :giveUp THEN 'FAILED' ELSE 'PENDING' END
                        WHERE id = :id
                        """)
                .param("id", deliveryId).param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
                .param("retry", Timestamp.from(retryAt)).param("giveUp", giveUp).update();
    }

    private static InboxItem item(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxItem(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
