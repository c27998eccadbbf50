package dev.fairlead.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A fitted logistic regression over named features, standardised with the training means and
 * standard deviations: p(won) = σ(bias + Σ w·z). Plain data, so it is stored as JSON and reloaded.
 */
public record PredictiveModel(List<String> features, double[] means, double[] sds, double[] weights, double bias) {

    /** One feature's push on a lead's log-odds: positive raises the chance of winning. */
    public record FeatureEffect(String feature, double effect) {}

    public double probability(Map<String, Double> raw) {
        double z = bias;
        for (int j = 0; j < features.size(); j++) {
            z += weights[j] * standardised(raw, j);
        }
        return LogisticRegression.sigmoid(z);
    }

    /** The {@code n} features that move this lead's log-odds most, strongest first. */
    public List<FeatureEffect> topEffects(Map<String, Double> raw, int n) {
        List<FeatureEffect> effects = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            double effect = weights[j] * standardised(raw, j);
            if (raw.containsKey(features.get(j)) && Math.abs(effect) > 1e-9) {
                effects.add(new FeatureEffect(features.get(j), effect));
            }
        }
        effects.sort(Comparator.comparingDouble((FeatureEffect e) -> -Math.abs(e.effect())).thenComparing(FeatureEffect::feature));
        return effects.subList(0, Math.min(n, effects.size()));
    }

    double standardised(Map<String, Double> raw, int j) {
        return (raw.getOrDefault(features.get(j), 0.0) - means[j]) / sds[j];
    }
}
