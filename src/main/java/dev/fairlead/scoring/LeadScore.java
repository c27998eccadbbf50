package dev.fairlead.scoring;

import dev.fairlead.scoring.domain.ScoreCard;
import java.time.Instant;
import java.util.List;

/**
 * A lead's rule score with each criterion's contribution and the rule set version that produced it,
 * and its predictive probability when a model with enough history exists (computed from the
 * newest model when read).
 */
public record LeadScore(long leadId, int score, String grade, int ruleSetVersion, List<ScoreCard.Contribution> contributions,
        Instant scoredAt, Prediction prediction) {

    /** Probability of winning with the features that pushed it most, from model {@code modelId}. */
    public record Prediction(long modelId, double probability, List<Effect> topFeatures) {}

    public record Effect(String feature, double effect) {}

    public LeadScore withPrediction(Prediction p) {
        return new LeadScore(leadId, score, grade, ruleSetVersion, contributions, scoredAt, p);
    }
}
