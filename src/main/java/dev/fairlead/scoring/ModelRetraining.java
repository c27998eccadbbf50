package dev.fairlead.scoring;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Retrains the predictive model on a schedule ({@code fairlead.scoring.retrain-cron}), on one node at a time. */
@Component
class ModelRetraining {

    private final ScoringService scoring;

    ModelRetraining(ScoringService scoring) {
        this.scoring = scoring;
    }

    @Scheduled(cron = "${fairlead.scoring.retrain-cron:0 30 2 * * *}")
    @SchedulerLock(name = "scoring-retrain", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void retrain() {
        scoring.retrain("schedule");
    }
}
