package dev.fairlead.insights.domain;

import dev.fairlead.routing.domain.Fairness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How evenly leads were spread: the Gini coefficient within each tier and the max/min load ratio. */
public final class Spread {

    /** One rep's share over the period: the tier they are in and what they received. */
    public record Share(String tier, double amount) {}

    private Spread() {}

    /** Gini of the amounts within each tier, tiers in first-seen order (0 for a tier of one rep). */
    public static Map<String, Double> giniByTier(List<Share> shares) {
        Map<String, List<Double>> byTier = new LinkedHashMap<>();
        shares.forEach(s -> byTier.computeIfAbsent(s.tier(), t -> new ArrayList<>()).add(s.amount()));
        Map<String, Double> result = new LinkedHashMap<>();
        byTier.forEach((tier, amounts) -> result.put(tier, Fairness.gini(amounts.stream().mapToDouble(Double::doubleValue).toArray())));
        return result;
    }

    /** Largest over smallest amount; null with fewer than two reps or when the smallest is zero (unbounded). */
    public static Double maxMinRatio(List<Double> amounts) {
        if (amounts.size() < 2) {
            return null;
        }
        double max = amounts.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = amounts.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return min <= 0 ? null : max / min;
    }

    /** part / whole, null when the whole is zero. */
    public static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
