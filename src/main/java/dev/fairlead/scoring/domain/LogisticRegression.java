package dev.fairlead.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Logistic regression fitted by full-batch gradient descent with L2 regularisation: deterministic
 * (no random start, no shuffling), so the same history always gives the same model.
 */
public final class LogisticRegression {

    /** A labelled example: its features by name and whether it was won. */
    public record Example(Map<String, Double> features, boolean won) {}

    /** Fitting settings; features seen in fewer than {@code minSupport} examples are left out. */
    public record Settings(int iterations, double learningRate, double l2, int minSupport) {

        public static Settings defaults() {
            return new Settings(400, 0.5, 0.01, 3);
        }
    }

    private LogisticRegression() {}

    public static PredictiveModel fit(List<Example> examples, Settings settings) {
        List<String> names = vocabulary(examples, settings.minSupport());
        int n = examples.size();
        int d = names.size();
        double[][] x = new double[n][d];
        double[] y = new double[n];
        double[] means = new double[d];
        double[] sds = new double[d];
        for (int i = 0; i < n; i++) {
            Map<String, Double> f = examples.get(i).features();
            for (int j = 0; j < d; j++) {
                x[i][j] = f.getOrDefault(names.get(j), 0.0);
                means[j] += x[i][j] / n;
            }
            y[i] = examples.get(i).won() ? 1 : 0;
        }
        for (int j = 0; j < d; j++) {
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (x[i][j] - means[j]) * (x[i][j] - means[j]) / n;
            }
            sds[j] = var > 1e-12 ? Math.sqrt(var) : 1.0;
            for (int i = 0; i < n; i++) {
                x[i][j] = (x[i][j] - means[j]) / sds[j];
            }
        }
        double[] w = new double[d];
        double prior = Math.min(Math.max(mean(y), 1e-3), 1 - 1e-3);
        double b = Math.log(prior / (1 - prior));
        double[] grad = new double[d];
        for (int iter = 0; iter < settings.iterations(); iter++) {
            java.util.Arrays.fill(grad, 0);
            double gradB = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                for (int j = 0; j < d; j++) {
                    z += w[j] * x[i][j];
                }
                double err = sigmoid(z) - y[i];
                for (int j = 0; j < d; j++) {
                    grad[j] += err * x[i][j];
                }
                gradB += err;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= settings.learningRate() * (grad[j] / n + settings.l2() * w[j]);
            }
            b -= settings.learningRate() * gradB / n;
        }
        return new PredictiveModel(List.copyOf(names), means, sds, w, b);
    }

    /** Area under the ROC curve: the chance a random won example scores above a random lost one (ties count half). */
    public static double auc(double[] probabilities, boolean[] won) {
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> probabilities[i]));
        double rankSumWon = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && probabilities[order[j + 1]] == probabilities[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (won[order[k]]) {
                    rankSumWon += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = probabilities.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumWon - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** Mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15]. */
    public static double logLoss(double[] probabilities, boolean[] won) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(Math.max(probabilities[i], 1e-15), 1 - 1e-15);
            sum += won[i] ? -Math.log(p) : -Math.log(1 - p);
        }
        return sum / probabilities.length;
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static List<String> vocabulary(List<Example> examples, int minSupport) {
        Map<String, Integer> support = new HashMap<>();
        for (Example e : examples) {
            e.features().forEach((name, value) -> {
                if (value != 0) {
                    support.merge(name, 1, Integer::sum);
                }
            });
        }
        List<String> names = new ArrayList<>();
        new TreeMap<>(support).forEach((name, count) -> {
            if (count >= minSupport) {
                names.add(name);
            }
        });
        return names;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
