package dev.fairlead.scoring;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.scoring.domain.ScoreCard;
import dev.fairlead.scoring.persistence.RescoreRepository;
import dev.fairlead.scoring.persistence.ScoringRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-scores the open leads (new, contacted, qualified) with a newly activated scoring rule set, so
 * grades across the pipeline always come from the rules in force. It runs in the background after
 * the activation commits, in batches of {@value #BATCH} leads, each its own short transaction that
 * locks its leads with {@code SKIP LOCKED} (intake and owners are never blocked for long, and two
 * nodes can share the work). A run that stopped half-way (crash, restart) is picked up by the
 * scheduled {@code scoring-rescore} job. Closed leads keep the score they closed with.
 */
@Service
public class OpenLeadRescoring {

    static final int BATCH = 200;

    private final RescoreRepository runs;
    private final ScoringRepository scores;
    private final ScoringService scoring;
    private final AuditTrail audit;
    private final JobRunner jobs;
    private final Clock clock;
    private final TransactionTemplate eachBatch;

    OpenLeadRescoring(RescoreRepository runs, ScoringRepository scores, ScoringService scoring, AuditTrail audit, JobRunner jobs,
            Clock clock, PlatformTransactionManager transactions) {
        this.runs = runs;
        this.scores = scores;
        this.scoring = scoring;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.eachBatch = new TransactionTemplate(transactions);
        this.eachBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The newest run (what the scoring page shows). */
    @Transactional(readOnly = true)
    public Optional<RescoreRun> latest() {
        return runs.latest();
    }

    @Transactional(readOnly = true)
    public Optional<RescoreRun> run(long id) {
        return runs.find(id);
    }

    @ApplicationModuleListener
    void on(ScoringRuleSetActivated activated) {
        work(activated.rescoreRunId());
    }

    /** Resumes a run that a stopped node left unfinished. */
    @Scheduled(fixedDelayString = "${fairlead.scoring.rescore-interval:PT1M}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "scoring-rescore", lockAtMostFor = "PT30M")
    void resume() {
        jobs.run("scoring-rescore", () -> runs.runningId().map(this::work).orElse(0));
    }

    /** Works the run through until it is done or superseded, or only leads held by others are left; returns leads re-scored. */
    int work(long runId) {
        int total = 0;
        while (true) {
            Integer done = eachBatch.execute(status -> batch(runId));
            if (done == null || done <= 0) {
                return total;
            }
            total += done;
        }
    }

    /** One batch: the number re-scored, 0 when only locked leads are left, -1 when the run is over. */
    private int batch(long runId) {
        RescoreRun run = runs.lock(runId).orElse(null);
        if (run == null || run.status() != RescoreRun.Status.RUNNING) {
            return -1;
        }
        if (!scores.activeId().map(active -> active == run.ruleSetId()).orElse(false)) {
            // activated outside the service (it always supersedes the run first); never re-score with other rules
            runs.finish(runId, clock.instant());
            return -1;
        }
        List<RescoreRepository.Stale> stale = runs.nextBatch(run.ruleSetId(), BATCH);
        if (stale.isEmpty()) {
            if (runs.remaining(run.ruleSetId()) > 0) {
                return 0;
            }
            runs.finish(runId, clock.instant());
            RescoreRun done = runs.find(runId).orElseThrow();
            audit.record(new Change("RESCORE", "scoring_rule_set", String.valueOf(run.ruleSetId()), null, null, null,
                    Map.of("version", done.ruleSetVersion(), "openLeads", done.total(), "rescored", done.rescored(),
                            "gradeChanges", done.gradeChanges()), null));
            return -1;
        }
        int gradeChanges = 0;
        for (RescoreRepository.Stale lead : stale) {
            ScoreCard card = scoring.score(lead.leadId());
            if (!card.grade().equals(lead.grade())) {
                gradeChanges++;
            }
        }
        runs.progress(runId, stale.size(), gradeChanges);
        return stale.size();
    }
}
