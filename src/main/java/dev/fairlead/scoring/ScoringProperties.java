package dev.fairlead.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Predictive scoring settings ({@code FAIRLEAD_SCORING_*}): the fewest closed leads a model is
 * trained from, at most how many of the newest closed leads it reads, and when it retrains.
 */
@ConfigurationProperties("fairlead.scoring")
public record ScoringProperties(int minimumClosedLeads, int maximumClosedLeads, String retrainCron) {

    public ScoringProperties {
        minimumClosedLeads = minimumClosedLeads <= 0 ? 50 : minimumClosedLeads;
        maximumClosedLeads = maximumClosedLeads <= 0 ? 50_000 : maximumClosedLeads;
        retrainCron = retrainCron == null || retrainCron.isBlank() ? "0 30 2 * * *" : retrainCron;
    }
}
