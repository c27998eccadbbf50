package dev.fairlead.notify.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.notify.DeliveryLog;
import dev.fairlead.notify.InboxItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class NotificationRepository {

    /** A queued delivery with the notification it carries. */
    public record Delivery(long id, long notificationId, String channel, String address, String locale, int attempts,
            Long userId, String name, String kind, String title, String body, String link, String mention) {}

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
        queueDelivery(notificationId, channel, address, locale, null, at);
    }

    /** Queues one delivery; its id, or empty when this notification was already queued for that address. */
    public Optional<Long> queueDelivery(long notificationId, String channel, String address, String locale, String mention, Instant at) {
        return jdbc.sql("""
                        INSERT INTO notification_delivery (notification_id, channel, address, locale, mention, next_attempt_at, created_at)
                        VALUES (:n, :channel, :address, :locale, :mention, :at, :at) ON CONFLICT DO NOTHING RETURNING id
                        """)
                .param("n", notificationId).param("channel", channel).param("address", address)
                .param("locale", locale).param("mention", mention).param("at", Timestamp.from(at))
                .query(Long.class).optional();
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

    private static final String DELIVERY = """
            SELECT d.id, d.notification_id, d.channel, d.address, d.locale, d.attempts, d.mention,
                   n.user_id, n.kind, n.title, n.body, n.link, coalesce(u.display_name, '') AS name
            FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
            LEFT JOIN app_user u ON u.id = n.user_id
            """;

    /** Due deliveries, oldest first, locked so that another node's delivery run skips them. */
    public List<Delivery> lockDue(Instant now, int limit) {
        return jdbc.sql(DELIVERY + """
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                        ORDER BY d.next_attempt_at, d.id LIMIT :limit
                        FOR UPDATE OF d SKIP LOCKED
                        """)
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(NotificationRepository::delivery).list();
    }

    /** This one delivery if it is still pending and no other run holds it. */
    public Optional<Delivery> lockPending(long deliveryId) {
        return jdbc.sql(DELIVERY + " WHERE d.id = :id AND d.status = 'PENDING' FOR UPDATE OF d SKIP LOCKED")
                .param("id", deliveryId).query(NotificationRepository::delivery).optional();
    }

    /**
     * When the address may take its next message under a per-minute limit: empty when it may now,
     * else a minute after the oldest of the last {@code limit} messages sent to it within the minute.
     */
    public Optional<Instant> throttledUntil(String channel, String address, Instant now, int limit) {
        List<Timestamp> recent = jdbc.sql("""
                        SELECT a.at FROM notification_attempt a JOIN notification_delivery d ON d.id = a.delivery_id
                        WHERE d.channel = :channel AND d.address = :address AND a.outcome = 'SENT' AND a.at > :since
                        ORDER BY a.at DESC LIMIT :limit
                        """)
                .param("channel", channel).param("address", address).param("since", Timestamp.from(now.minusSeconds(60)))
                .param("limit", limit).query(Timestamp.class).list();
        return recent.size() < limit ? Optional.empty() : Optional.of(recent.get(recent.size() - 1).toInstant().plusSeconds(60));
    }

    public void attempted(long deliveryId, Instant at, String outcome, String error) {
        jdbc.sql("INSERT INTO notification_attempt (delivery_id, at, outcome, error) VALUES (:id, :at, :outcome, :error)")
                .param("id", deliveryId).param("at", Timestamp.from(at)).param("outcome", outcome).param("error", clip(error))
                .update();
    }

    /** Waits until {@code at} without counting an attempt (rate limit, or behind an earlier message to the same address). */
    public void postpone(long deliveryId, Instant at, String reason) {
        jdbc.sql("UPDATE notification_delivery SET next_attempt_at = :at, last_error = coalesce(:reason, last_error) WHERE id = :id")
                .param("id", deliveryId).param("at", Timestamp.from(at)).param("reason", clip(reason)).update();
    }

    /**
     * Later pending deliveries to the same address wait until {@code until} as well, so they do not
     * overtake the one that could not go out; rows another run holds are skipped, never waited for.
     */
    public void holdBehind(String channel, String address, long deliveryId, Instant until) {
        jdbc.sql("""
                        UPDATE notification_delivery SET next_attempt_at = :until WHERE id IN (
                            SELECT id FROM notification_delivery
                            WHERE channel = :channel AND address = :address AND status = 'PENDING' AND id > :id
                              AND next_attempt_at < :until
                            FOR UPDATE SKIP LOCKED)
                        """)
                .param("channel", channel).param("address", address).param("id", deliveryId)
                .param("until", Timestamp.from(until)).update();
    }

    /** The newest deliveries to one address of a channel, each with its attempts. */
    public List<DeliveryLog> log(String channel, String address, int limit) {
        List<DeliveryLog> deliveries = jdbc.sql("""
                        SELECT d.id, n.kind, n.title, d.status, d.attempts, d.last_error, coalesce(d.created_at, n.created_at) AS created_at,
                               d.next_attempt_at, d.sent_at
                        FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
                        WHERE d.channel = :channel AND d.address = :address ORDER BY d.id DESC LIMIT :limit
                        """)
                .param("channel", channel).param("address", address).param("limit", limit)
                .query((rs, n) -> new DeliveryLog(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("status"),
                        rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
                        instant(rs, "sent_at"), List.of()))
                .list();
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<Long, List<DeliveryLog.Attempt>> attempts = new HashMap<>();
        jdbc.sql("SELECT delivery_id, at, outcome, error FROM notification_attempt WHERE delivery_id = ANY(:ids) ORDER BY id")
                .param("ids", SqlArrays.bigint(deliveries.stream().map(DeliveryLog::id).toList()))
                .query((rs, n) -> attempts.computeIfAbsent(rs.getLong("delivery_id"), k -> new ArrayList<>())
                        .add(new DeliveryLog.Attempt(instant(rs, "at"), rs.getString("outcome"), rs.getString("error"))))
                .list();
        return deliveries.stream().map(d -> new DeliveryLog(d.id(), d.kind(), d.title(), d.status(), d.attempts(), d.lastError(),
                d.createdAt(), d.nextAttemptAt(), d.sentAt(), attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("notification_id"), rs.getString("channel"),
                rs.getString("address"), rs.getString("locale"), rs.getInt("attempts"),
                (Long) rs.getObject("user_id"), rs.getString("name"), rs.getString("kind"), rs.getString("title"),
                rs.getString("body"), rs.getString("link"), rs.getString("mention"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String error) {
        return error == null ? null : error.substring(0, Math.min(500, error.length()));
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
                .param("id", deliveryId).param("error", clip(error))
                .param("retry", Timestamp.from(retryAt)).param("giveUp", giveUp).update();
    }

    private static InboxItem item(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxItem(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
