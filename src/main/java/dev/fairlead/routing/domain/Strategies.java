package dev.fairlead.routing.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The strategy instances (they are stateless) and helpers they share. */
final class Strategies {

    static final Strategy ROUND_ROBIN = new RoundRobin();
    static final Strategy WEIGHTED_ROUND_ROBIN = new SmoothWeightedRoundRobin();
    static final Strategy LEAST_LOADED = new LeastLoaded();
    static final Strategy FAIRNESS_POINTS = new FairnessPoints();
    static final Strategy BEST_FIT = new BestFit();
    static final Strategy TIERED = new Tiered();

    private Strategies() {}

    static Map<Long, Map<String, Double>> figures(boolean explain) {
        return explain ? new HashMap<>() : Map.of();
    }

    /** Records a candidate's figures when explaining; callers test {@code explain} first so as not to box them for nothing. */
    static void put(Map<Long, Map<String, Double>> figures, boolean explain, long repId, Object... namesAndValues) {
        if (!explain) {
            return;
        }
        Map<String, Double> f = figures.computeIfAbsent(repId, k -> new LinkedHashMap<>());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            f.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
    }

    static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    /** Lower is better: compares a score, then today's new leads, then the rep id, so ties are decided the same way everywhere. */
    static boolean better(double score, RepState rep, double bestScore, RepState best) {
        if (best == null || score < bestScore - 1e-12) {
            return true;
        }
        if (score > bestScore + 1e-12) {
            return false;
        }
        if (rep.newToday() != best.newToday()) {
            return rep.newToday() < best.newToday();
        }
        return rep.repId() < best.repId();
    }
}
