package dev.fairlead.common.scheduling;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events to their listeners again when a listener failed (the database went away while it
 * ran) or never finished (its node was killed): the event was stored in the transaction that raised
 * it, so it is never lost, and Spring Modulith marks a publication failed once it is stale
 * ({@code spring.modulith.events.staleness.*}, five minutes by default). One node at a time
 * resubmits. Listeners are idempotent (an SLA timer is keyed by its assignment), so a late
 * duplicate changes nothing.
 */
@Component
class EventRedelivery {

    private final FailedEventPublications failed;
    private final IncompleteEventPublications incomplete;
    private final JobRunner jobs;
    private final Duration staleAfter;

    EventRedelivery(FailedEventPublications failed, IncompleteEventPublications incomplete, JobRunner jobs,
            @Value("${spring.modulith.events.staleness.processing:PT5M}") Duration staleAfter) {
        this.failed = failed;
        this.incomplete = incomplete;
        this.jobs = jobs;
        this.staleAfter = staleAfter;
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.event-redelivery.interval:PT1M}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "event-redelivery", lockAtMostFor = "PT5M")
    void redeliver() {
        jobs.run("event-redelivery", () -> {
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(500));
            // A listener that failed while the database was gone could not record that it failed either:
            // whatever is still incomplete this long after it was raised is handed over again too.
            incomplete.resubmitIncompletePublicationsOlderThan(staleAfter.multipliedBy(2));
            return 0;
        });
    }
}
