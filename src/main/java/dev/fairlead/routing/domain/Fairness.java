package dev.fairlead.routing.domain;

import java.util.Arrays;

/** Fairness measures of how value was spread over reps. */
public final class Fairness {

    private Fairness() {}

    /** Gini coefficient of non-negative amounts: 0 = perfectly even, towards 1 = one rep got everything. 0 for fewer than two. */
    public static double gini(double[] amounts) {
        int n = amounts.length;
        if (n < 2) {
            return 0;
        }
        double[] sorted = amounts.clone();
        Arrays.sort(sorted);
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (i + 1) * sorted[i];
        }
        return total == 0 ? 0 : (2 * weighted) / (n * total) - (n + 1.0) / n;
    }

    /**
     * The Lorenz curve of non-negative amounts: from (0, 0), after each amount in ascending order the share of
     * holders so far against their share of the total, ending at (1, 1). Empty amounts, or all zero, give the diagonal.
     */
    public static double[][] lorenz(double[] amounts) {
        int n = amounts.length;
        double[] sorted = amounts.clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum();
        double[][] curve = new double[n + 1][];
        curve[0] = new double[] {0, 0};
        double running = 0;
        for (int i = 0; i < n; i++) {
            running += sorted[i];
            double x = (i + 1.0) / n;
            curve[i + 1] = new double[] {x, total == 0 ? x : running / total};
        }
        return n == 0 ? new double[][] {{0, 0}, {1, 1}} : curve;
    }
}
