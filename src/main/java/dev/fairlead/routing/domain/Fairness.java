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
}
