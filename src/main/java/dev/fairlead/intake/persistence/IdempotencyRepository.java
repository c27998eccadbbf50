package dev.fairlead.intake.persistence;

import dev.fairlead.common.SqlArrays;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys. {@link #claim} and {@link #claimItem} insert with {@code ON CONFLICT DO NOTHING}:
 * when another transaction holds the same key uncommitted, PostgreSQL makes the insert wait for it,
 * so a concurrent duplicate sees the first request's committed outcome instead of creating again.
 */
@Repository
public class IdempotencyRepository {

    public record Stored(String endpoint, String requestHash, Integer responseStatus, String responseBody) {}

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key, or waits for and returns whoever claimed it first; one statement when the key is new. */
    public Stored claim(String owner, String key, String endpoint, String hash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO idempotency_request (owner, key, endpoint, request_hash, created_at)
                        VALUES (:owner, :key, :endpoint, :hash, :now) ON CONFLICT (owner, key) DO NOTHING
                        RETURNING endpoint, request_hash, response_status, response_body
                        """)
                .param("owner", owner).param("key", key).param("endpoint", endpoint).param("hash", hash)
                .param("now", Timestamp.from(now))
                .query(IdempotencyRepository::stored)
                .optional()
                .orElseGet(() -> find(owner, key));
    }

    /** Stores the response unless one is there already; returns the response that stands (one statement when it is this one). */
    public Stored complete(String owner, String key, int status, String body, Instant now) {
        return jdbc.sql("""
                        UPDATE idempotency_request SET response_status = :status, response_body = :body, completed_at = :now
                        WHERE owner = :owner AND key = :key AND response_status IS NULL
                        RETURNING endpoint, request_hash, response_status, response_body
                        """)
                .param("owner", owner).param("key", key).param("status", status).param("body", body)
                .param("now", Timestamp.from(now))
                .query(IdempotencyRepository::stored)
                .optional()
                .orElseGet(() -> find(owner, key));
    }

    private Stored find(String owner, String key) {
        return jdbc.sql("SELECT endpoint, request_hash, response_status, response_body FROM idempotency_request WHERE owner = :owner AND key = :key")
                .param("owner", owner).param("key", key)
                .query(IdempotencyRepository::stored)
                .single();
    }

    private static Stored stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getString("endpoint"), rs.getString("request_hash"), (Integer) rs.getObject("response_status"),
                rs.getString("response_body"));
    }

    /** Empty when this transaction now owns the item; otherwise the committed result of whoever did it first. */
    public Optional<String> claimItem(String owner, String key, int item) {
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_item (owner, key, item) VALUES (:owner, :key, :item)
                        ON CONFLICT (owner, key, item) DO NOTHING
                        """)
                .param("owner", owner).param("key", key).param("item", item)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT result FROM idempotency_item WHERE owner = :owner AND key = :key AND item = :item")
                .param("owner", owner).param("key", key).param("item", item)
                .query(String.class)
                .optional();
    }

    /**
     * Deletes up to {@code limit} keys created before {@code cutoff}, oldest first, with their batch
     * items; keys another transaction holds are skipped (the next batch or run takes them). Returns
     * how many keys were deleted.
     */
    public int deleteCreatedBefore(Instant cutoff, int limit) {
        record Key(String owner, String key) {}
        List<Key> doomed = jdbc.sql("""
                        SELECT owner, key FROM idempotency_request WHERE created_at < :cutoff
                        ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query((rs, n) -> new Key(rs.getString("owner"), rs.getString("key")))
                .list();
        if (doomed.isEmpty()) {
            return 0;
        }
        Object owners = SqlArrays.text(doomed.stream().map(Key::owner).toList());
        Object names = SqlArrays.text(doomed.stream().map(Key::key).toList());
        jdbc.sql("DELETE FROM idempotency_item WHERE (owner, key) IN (SELECT * FROM unnest(CAST(:owners AS varchar[]), CAST(:keys AS varchar[])))")
                .param("owners", owners).param("keys", names).update();
        return jdbc.sql("DELETE FROM idempotency_request WHERE (owner, key) IN (SELECT * FROM unnest(CAST(:owners AS varchar[]), CAST(:keys AS varchar[])))")
                .param("owners", owners).param("keys", names).update();
    }

    /**
     * {@link #claimItem} for many items of one batch in one statement (in ascending item order, so two
     * requests claiming the same items wait for each other instead of deadlocking): the results of the
     * items claimed earlier, by item; the items not in the map are now claimed by this transaction.
     */
    public Map<Integer, String> claimItems(String owner, String key, List<Integer> items) {
        Set<Integer> claimed = new HashSet<>(jdbc.sql("""
                        INSERT INTO idempotency_item (owner, key, item)
                        SELECT :owner, :key, i FROM unnest(:items) AS t(i) ORDER BY i
                        ON CONFLICT (owner, key, item) DO NOTHING
                        RETURNING item
                        """)
                .param("owner", owner).param("key", key).param("items", SqlArrays.integer(items))
                .query(Integer.class).list());
        List<Integer> earlier = items.stream().filter(i -> !claimed.contains(i)).toList();
        Map<Integer, String> results = new HashMap<>();
        if (!earlier.isEmpty()) {
            jdbc.sql("SELECT item, result FROM idempotency_item WHERE owner = :owner AND key = :key AND item = ANY(:items)")
                    .param("owner", owner).param("key", key).param("items", SqlArrays.integer(earlier))
                    .query((rs, n) -> results.put(rs.getInt("item"), rs.getString("result")))
                    .list();
        }
        return results;
    }

    /** {@link #completeItem} for many items in one statement ({@code items} and {@code results} side by side). */
    public void completeItems(String owner, String key, List<Integer> items, List<String> results) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE idempotency_item i SET result = r.result
                        FROM unnest(:items, :results) AS r(item, result)
                        WHERE i.owner = :owner AND i.key = :key AND i.item = r.item
                        """)
                .param("owner", owner).param("key", key).param("items", SqlArrays.integer(items))
                .param("results", SqlArrays.text(results))
                .update();
    }

    public void completeItem(String owner, String key, int item, String result) {
        jdbc.sql("UPDATE idempotency_item SET result = :result WHERE owner = :owner AND key = :key AND item = :item")
                .param("owner", owner).param("key", key).param("item", item).param("result", result)
                .update();
    }
}
