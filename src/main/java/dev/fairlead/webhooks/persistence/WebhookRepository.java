package dev.fairlead.webhooks.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.webhooks.WebhookDelivery;
import dev.fairlead.webhooks.WebhookSubscription;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WebhookRepository {

    /** A subscription as the outbox needs it. */
    public record Target(long id, List<String> eventTypes) {}

    /** A row to queue. */
    public record NewDelivery(long subscriptionId, UUID eventId, String eventType, String payload) {}

    /** A due delivery with what sending it needs. */
    public record Due(long id, long subscriptionId, UUID eventId, String payload, int attempts, Instant createdAt, String url,
            String secret, String subscriptionStatus, long ownerUserId) {}

    private static final String SUBSCRIPTION = """
            SELECT s.*, coalesce(u.display_name, u.username) AS owner_name FROM webhook_subscription s
            JOIN app_user u ON u.id = s.owner_user_id
            """;

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String url, List<String> eventTypes, String secret, String description, long ownerUserId, Instant at,
            String actor) {
        return jdbc.sql("""
                        INSERT INTO webhook_subscription (url, event_types, secret, description, owner_user_id, created_at, created_by)
                        VALUES (:url, :types, :secret, :description, :owner, :at, :actor) RETURNING id
                        """)
                .param("url", url).param("types", SqlArrays.text(eventTypes)).param("secret", secret)
                .param("description", description).param("owner", ownerUserId).param("at", Timestamp.from(at))
                .param("actor", actor).query(Long.class).single();
    }

    public List<WebhookSubscription> findAll() {
        return jdbc.sql(SUBSCRIPTION + " ORDER BY s.id").query(WebhookRepository::subscription).list();
    }

    public Optional<WebhookSubscription> find(long id) {
        return jdbc.sql(SUBSCRIPTION + " WHERE s.id = :id").param("id", id).query(WebhookRepository::subscription).optional();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id").param("id", id).update();
    }

    /** Subscriptions to any of these event types. */
    public List<Target> subscribedTo(List<String> eventTypes) {
        return jdbc.sql("SELECT id, event_types FROM webhook_subscription WHERE event_types && CAST(:types AS text[]) ORDER BY id")
                .param("types", SqlArrays.text(eventTypes))
                .query((rs, n) -> new Target(rs.getLong("id"), texts(rs.getArray("event_types")))).list();
    }

    /** Queues the rows in one statement, due now. */
    public void queue(List<NewDelivery> rows, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> subscriptions = new ArrayList<>(rows.size());
        List<UUID> events = new ArrayList<>(rows.size());
        List<String> types = new ArrayList<>(rows.size());
        List<String> payloads = new ArrayList<>(rows.size());
        for (NewDelivery row : rows) {
            subscriptions.add(row.subscriptionId());
            events.add(row.eventId());
            types.add(row.eventType());
            payloads.add(row.payload());
        }
        jdbc.sql("""
                        INSERT INTO webhook_delivery (subscription_id, event_id, event_type, payload, created_at, next_attempt_at)
                        SELECT s, e, t, p, :at, :at
                        FROM unnest(CAST(:subs AS bigint[]), CAST(:events AS uuid[]), CAST(:types AS text[]), CAST(:payloads AS text[]))
                             AS r(s, e, t, p)
                        """)
                .param("subs", SqlArrays.bigint(subscriptions)).param("events", SqlArrays.typed("uuid", events))
                .param("types", SqlArrays.text(types)).param("payloads", SqlArrays.text(payloads))
                .param("at", Timestamp.from(at)).update();
    }

    /** Due deliveries, locked so that another node's run skips them. */
    public List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.subscription_id, d.event_id, d.payload, d.attempts, d.created_at,
                               s.url, s.secret, s.status, s.owner_user_id
                        FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                        ORDER BY d.next_attempt_at, d.id LIMIT :limit
                        FOR UPDATE OF d SKIP LOCKED
                        """)
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("subscription_id"), rs.getObject("event_id", UUID.class),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("url"), rs.getString("secret"), rs.getString("status"), rs.getLong("owner_user_id")))
                .list();
    }

    public void delivered(long id, int status, Instant at) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :at,
                               last_status = :status, last_error = NULL, delivered_at = :at WHERE id = :id
                        """)
                .param("id", id).param("status", status).param("at", Timestamp.from(at)).update();
    }

    public void failed(long id, Integer status, String error, Instant at, Instant retryAt, boolean giveUp) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, last_attempt_at = :at, last_status = :status,
                               last_error = :error, next_attempt_at = :retry,
                               status = CASE WHEN :giveUp THEN 'FAILED' ELSE 'PENDING' END
                        WHERE id = :id
                        """)
                .param("id", id).param("status", status)
                .param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
                .param("at", Timestamp.from(at)).param("retry", Timestamp.from(retryAt)).param("giveUp", giveUp).update();
    }

    /** Marks the subscription failing; true when it was not failing already (so its owner is told once). */
    public boolean markFailing(long subscriptionId, Instant at) {
        return jdbc.sql("UPDATE webhook_subscription SET status = 'FAILING', failing_since = :at WHERE id = :id AND status <> 'FAILING'")
                .param("id", subscriptionId).param("at", Timestamp.from(at)).update() == 1;
    }

    public void markActive(long subscriptionId) {
        jdbc.sql("UPDATE webhook_subscription SET status = 'ACTIVE', failing_since = NULL WHERE id = :id AND status <> 'ACTIVE'")
                .param("id", subscriptionId).update();
    }

    public List<WebhookDelivery> deliveries(long subscriptionId, int limit) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE subscription_id = :s ORDER BY id DESC LIMIT :limit")
                .param("s", subscriptionId).param("limit", limit).query(WebhookRepository::delivery).list();
    }

    public Optional<WebhookDelivery> delivery(long subscriptionId, long id) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE subscription_id = :s AND id = :id")
                .param("s", subscriptionId).param("id", id).query(WebhookRepository::delivery).optional();
    }

    /** A new delivery of the same event and payload, due now. */
    public long replay(long deliveryId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO webhook_delivery (subscription_id, event_id, event_type, payload, created_at, next_attempt_at, replay_of)
                        SELECT subscription_id, event_id, event_type, payload, :at, :at, id FROM webhook_delivery WHERE id = :id
                        RETURNING id
                        """)
                .param("id", deliveryId).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private static WebhookSubscription subscription(ResultSet rs, int n) throws SQLException {
        String secret = rs.getString("secret");
        return new WebhookSubscription(rs.getLong("id"), rs.getString("url"), texts(rs.getArray("event_types")),
                rs.getString("description"), secret.substring(0, Math.min(10, secret.length())) + "…", rs.getString("status"),
                instant(rs, "failing_since"), rs.getLong("owner_user_id"), rs.getString("owner_name"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    private static WebhookDelivery delivery(ResultSet rs, int n) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("subscription_id"), rs.getObject("event_id", UUID.class),
                rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), (Integer) rs.getObject("last_status"),
                rs.getString("last_error"), instant(rs, "delivered_at"), (Long) rs.getObject("replay_of"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
