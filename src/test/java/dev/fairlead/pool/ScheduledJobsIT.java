package dev.fairlead.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one database: each has its own ShedLock provider on the shared {@code shedlock}
 * table, as two application instances would.
 */
@WorkflowIntegrationTest
class ScheduledJobsIT {

    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired PoolService pools;
    @Autowired PoolRecovery recovery;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry metrics;
    @Autowired MutableClock clock;

    /**
     * A run of the recovery job (here or in another test class on this context) keeps its lock for
     * {@code lockAtLeastFor} (30 s of database time); each test starts with the lock free, as a fresh cluster would.
     */
    @BeforeEach
    void noRecoveryLockHeld() {
        jdbc.sql("DELETE FROM shedlock WHERE name = 'pool-recovery'").update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void whenTwoNodesStartTheRecoveryJobAtTheSameMomentItRunsOnce() throws Exception {
        Lead lead = neglectedLead();
        LockingTaskExecutor nodeA = new DefaultLockingTaskExecutor(node());
        LockingTaskExecutor nodeB = new DefaultLockingTaskExecutor(node());
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch aRunning = new CountDownLatch(1);
        CountDownLatch bTried = new CountDownLatch(1);

        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> nodeA.executeWithLock((Runnable) () -> {
            aRunning.countDown();
            await(bTried);
            runs.incrementAndGet();
            recovery.run();
        }, lock()));
        assertThat(aRunning.await(10, TimeUnit.SECONDS)).isTrue();
        nodeB.executeWithLock((Runnable) () -> {
            runs.incrementAndGet();
            recovery.run();
        }, lock());
        bTried.countDown();
        onA.get(30, TimeUnit.SECONDS);

        assertThat(runs).hasValue(1);
        assertThat(recoveries(lead.id())).isEqualTo(1);
    }

    @Test
    void theScheduledRecoverySkipsWhileAnotherNodeHoldsTheLockAndReportsItsHealthWhenItRuns() {
        Lead lead = neglectedLead();
        LockProvider otherNode = node();
        Optional<SimpleLock> held = otherNode.lock(new LockConfiguration(Instant.now(), "pool-recovery", Duration.ofMinutes(5), Duration.ZERO));
        assertThat(held).isPresent();

        recovery.scheduled();
        assertThat(leads.get(lead.id()).owned()).isTrue();

        held.get().unlock();
        recovery.scheduled();
        assertThat(leads.get(lead.id()).owned()).isFalse();
        assertThat(metrics.get("fairlead.job.last.success").tag("job", "pool-recovery").gauge().value())
                .isGreaterThanOrEqualTo(clock.instant().minusSeconds(60).getEpochSecond());
        assertThat(metrics.get("fairlead.job.duration").tag("job", "pool-recovery").tag("outcome", "success").timer().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'pool-recovery'").query(Long.class).single()).isEqualTo(1);
        jdbc.sql("UPDATE shedlock SET lock_until = now() WHERE name = 'pool-recovery'").update();
    }

    private Lead neglectedLead() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        pools.create(Viewer.system(), new PoolCommand("华东公海 East pool #" + org.n(), null, 10, null, false, 7,
                List.of(org.company().id()), List.of(new RecoveryRule(null, 3, null, 1)), null));
        Lead lead = leads.ownedBy(org.liNa());
        clock.advance(Duration.ofDays(4));
        return lead;
    }

    private LockProvider node() {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }

    private static LockConfiguration lock() {
        return new LockConfiguration(Instant.now(), "pool-recovery", Duration.ofMinutes(5), Duration.ZERO);
    }

    private long recoveries(long leadId) {
        return jdbc.sql("SELECT count(*) FROM lead_move WHERE lead_id = :id AND cause = 'RECOVERED'").param("id", leadId)
                .query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
