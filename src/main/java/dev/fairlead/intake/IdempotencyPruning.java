package dev.fairlead.intake;

import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.intake.persistence.IdempotencyRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes idempotency keys older than the retention ({@code fairlead.intake.idempotency.retention},
 * 24 h by default) with their batch items, so the table does not grow forever. Runs on one node of
 * the cluster at a time (ShedLock), in transactions of at most {@code batch-size} keys, so it never
 * holds many rows locked; counts what it deleted in {@code fairlead.intake.idempotency.pruned}
 * (and, like every job, in {@code fairlead.job.*}). Off with {@code fairlead.jobs.enabled=false}.
 */
@Component
class IdempotencyPruning {

    /** A run stops after this many batches; the next run goes on (a backlog never becomes one endless run). */
    static final int MAX_BATCHES_PER_RUN = 100;

    private final IdempotencyRepository keys;
    private final IdempotencyProperties properties;
    private final JobRunner jobs;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Counter pruned;

    IdempotencyPruning(IdempotencyRepository keys, IdempotencyProperties properties, JobRunner jobs, Clock clock,
            PlatformTransactionManager transactions, MeterRegistry meters) {
        this.keys = keys;
        this.properties = properties;
        this.jobs = jobs;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.pruned = Counter.builder("fairlead.intake.idempotency.pruned")
                .description("Idempotency keys deleted after the retention period").register(meters);
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.idempotency-pruning.interval:PT1H}",
            initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "idempotency-pruning", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
    void scheduled() {
        jobs.run("idempotency-pruning", this::prune);
    }

    /** Deletes the keys created before now minus the retention; returns how many. */
    int prune() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            Integer deleted = tx.execute(s -> keys.deleteCreatedBefore(cutoff, properties.batchSize()));
            total += deleted;
            pruned.increment(deleted);
            if (deleted < properties.batchSize()) {
                break;
            }
        }
        return total;
    }
}
