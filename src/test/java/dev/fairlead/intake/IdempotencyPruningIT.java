package dev.fairlead.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.intake.persistence.IdempotencyRepository;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyPruningIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired IdempotencyPruning pruning;
    @Autowired IdempotencyRepository keys;
    @Autowired MeterRegistry meters;
    @Autowired PlatformTransactionManager transactions;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void keysOlderThanTheRetentionAreDeletedWithTheirBatchItemsAndYoungerOnesKept() {
        String single = send("/api/leads", Map.of("source", "API", "contactName", "修剪甲", "phone", "13955550001"));
        String batch = send("/api/leads/batch", Map.of("leads", List.of(
                Map.of("source", "API", "contactName", "修剪乙", "phone", "13955550002"),
                Map.of("source", "API", "contactName", "修剪丙", "phone", "13955550003"))));
        assertThat(items(batch)).isEqualTo(2);
        clock.advance(Duration.ofHours(23));
        String recent = send("/api/leads", Map.of("source", "API", "contactName", "修剪丁", "phone", "13955550004"));
        clock.advance(Duration.ofHours(2));
        double before = pruned();

        int deleted = pruning.prune();

        assertThat(exists(single)).isFalse();
        assertThat(exists(batch)).isFalse();
        assertThat(items(batch)).isZero();
        assertThat(exists(recent)).isTrue();
        assertThat(deleted).isPositive();
        assertThat(pruned() - before).isEqualTo(deleted);
    }

    @Test
    void aBatchDeletesAtMostItsSizeOldestFirst() {
        String oldest = send("/api/leads", Map.of("source", "API", "contactName", "修剪戊", "phone", "13955550005"));
        clock.advance(Duration.ofMinutes(1));
        String next = send("/api/leads", Map.of("source", "API", "contactName", "修剪己", "phone", "13955550006"));
        clock.advance(Duration.ofHours(25));
        long olderKeys = jdbc.sql("SELECT count(*) FROM idempotency_request WHERE created_at < (SELECT created_at FROM idempotency_request WHERE key = :k)")
                .param("k", oldest).query(Long.class).single();

        Integer deleted = new TransactionTemplate(transactions)
                .execute(s -> keys.deleteCreatedBefore(clock.instant().minus(Duration.ofHours(24)), (int) olderKeys + 1));

        assertThat(deleted).isEqualTo(olderKeys + 1);
        assertThat(exists(oldest)).isFalse();
        assertThat(exists(next)).isTrue();
    }

    private String send(String path, Object body) {
        String key = "prune-" + UUID.randomUUID();
        ApiResponse response = api.as(org.manager().token()).header("Idempotency-Key", key).post(path, body);
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return key;
    }

    private boolean exists(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_request WHERE key = :k").param("k", key).query(Integer.class).single() > 0;
    }

    private int items(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_item WHERE key = :k").param("k", key).query(Integer.class).single();
    }

    private double pruned() {
        return meters.counter("fairlead.intake.idempotency.pruned").count();
    }
}
