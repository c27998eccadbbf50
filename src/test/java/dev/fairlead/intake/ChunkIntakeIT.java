package dev.fairlead.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.leads.BatchOutcome;
import dev.fairlead.leads.DuplicateMatch;
import dev.fairlead.leads.IntakeOutcome;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The set-based intake of a chunk ({@link LeadService#intakeAll}) against the rules of single intake. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChunkIntakeIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired LeadService leads;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeAll
    void organisation() {
        fixtures.eastAndSouthChina();
    }

    @Test
    void aChunkMergesDuplicatesOfStoredAndOfItsOwnLeadsFlagsCompanyMatchesAndScoresAndRoutesEveryNewLead() {
        String existingPhone = phone();
        long existing = leads.intake(dev.fairlead.common.Viewer.system(), lead("老客户", "既有公司", existingPhone, null), null, "api").lead().id();
        String email = "chunk" + SEQ.incrementAndGet() + "@example.cn";
        String filledPhone = phone();

        List<BatchOutcome> outcomes = leads.intakeAll(dev.fairlead.common.Viewer.system(), List.of(
                lead("王芳", "华东精密机械有限公司", null, email),
                lead("王芳", null, filledPhone, email),
                lead("赵六", null, existingPhone, null),
                lead("王芳", "华东精密机械", phone(), null),
                lead("王芳", null, filledPhone, null),
                lead("孙七", "另一家公司", phone(), null)), null, "import:test");

        long first = outcomes.get(0).leadId();
        assertThat(outcomes).extracting(BatchOutcome::kind).containsExactly(BatchOutcome.Kind.CREATED, BatchOutcome.Kind.MERGED,
                BatchOutcome.Kind.MERGED, BatchOutcome.Kind.FLAGGED, BatchOutcome.Kind.MERGED, BatchOutcome.Kind.CREATED);
        assertThat(outcomes).extracting(BatchOutcome::match).containsExactly(null, DuplicateMatch.EMAIL, DuplicateMatch.PHONE,
                DuplicateMatch.COMPANY_CONTACT, DuplicateMatch.PHONE, null);
        assertThat(outcomes).extracting(BatchOutcome::leadId)
                .containsExactly(first, first, existing, outcomes.get(3).leadId(), first, outcomes.get(5).leadId());
        assertThat(outcomes.get(3).duplicateOf()).isEqualTo(first);

        assertThat(jdbc.sql("SELECT phone FROM lead WHERE id = :id").param("id", first).query(String.class).single()).isEqualTo(filledPhone);
        assertThat(jdbc.sql("SELECT channel FROM lead_merge WHERE lead_id = :id ORDER BY id").param("id", first)
                .query(String.class).list()).containsExactly("import:test", "import:test");
        assertThat(jdbc.sql("SELECT count(*) FROM lead_merge WHERE lead_id = :id").param("id", existing).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT duplicate_of FROM lead WHERE id = :id").param("id", outcomes.get(3).leadId())
                .query(Long.class).single()).isEqualTo(first);

        List<Long> created = List.of(first, outcomes.get(3).leadId(), outcomes.get(5).leadId());
        for (long id : created) {
            assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'lead' AND entity_id = :id AND action = 'CREATE'", id))
                    .as("audited creation of %d", id).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM lead_score WHERE lead_id = :id", id)).as("scored %d", id).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM lead WHERE id = :id AND score IS NOT NULL AND grade IS NOT NULL", id)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM routing_assignment WHERE lead_id = :id", id)).as("routed %d", id).isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'lead' AND entity_id = :id AND action = 'MERGE'", first))
                .isEqualTo(2);
    }

    @Test
    void anInvalidLeadInAChunkStoresNothing() {
        String kept = phone();

        assertThatThrownBy(() -> leads.intakeAll(dev.fairlead.common.Viewer.system(), List.of(lead("周八", null, kept, null), lead("", null, phone(), null)), null, "import:test"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE phone = :p").param("p", kept).query(Integer.class).single()).isZero();
    }

    @Test
    void aChunkWaitsForARestIntakeOfTheSamePhoneAndThenMergesIntoItsLead() throws Exception {
        String shared = phone();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch restHoldsItsLocks = new CountDownLatch(1);
        CountDownLatch letRestCommit = new CountDownLatch(1);
        CompletableFuture<IntakeOutcome> rest = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            IntakeOutcome outcome = leads.intake(dev.fairlead.common.Viewer.system(), lead("吴九", null, shared, null), null, "api");
            restHoldsItsLocks.countDown();
            waitFor(letRestCommit);
            return outcome;
        }));
        assertThat(restHoldsItsLocks.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<List<BatchOutcome>> chunk = CompletableFuture.supplyAsync(
                () -> leads.intakeAll(dev.fairlead.common.Viewer.system(), List.of(lead("郑十", null, phone(), null), lead("吴九", null, shared, null)), null, "import:test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").query(Integer.class).single() > 0);
        assertThat(chunk).isNotDone();
        letRestCommit.countDown();

        long restLead = rest.get(30, TimeUnit.SECONDS).lead().id();
        List<BatchOutcome> outcomes = chunk.get(30, TimeUnit.SECONDS);
        assertThat(outcomes.get(1).kind()).isEqualTo(BatchOutcome.Kind.MERGED);
        assertThat(outcomes.get(1).leadId()).isEqualTo(restLead);
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE phone = :p").param("p", shared).query(Integer.class).single()).isEqualTo(1);
    }

    private int count(String sql, long id) {
        Object param = sql.contains("entity_id") ? String.valueOf(id) : id;
        return jdbc.sql(sql).param("id", param).query(Integer.class).single();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String phone() {
        return "1397" + String.format("%07d", 4_000_000 + SEQ.incrementAndGet());
    }

    private static LeadCommand lead(String contact, String company, String phone, String email) {
        return new LeadCommand(LeadSource.IMPORT, company, contact, null, phone, email, null, null, null, null, null, null, null,
                List.of());
    }
}
