package dev.fairlead.scoring.domain;

import java.util.List;

/**
 * Trains on closed leads (oldest first) and tests on held-out history: the newest fifth is kept out
 * of fitting and used to measure AUC and log-loss; the model kept is then refitted on all of it.
 * Below {@code minimumClosed} leads, or with no won or no lost lead, nothing is fitted.
 */
public final class ModelTraining {

    /** The outcome: a model with its held-out accuracy, or why there is none. */
    public record Report(int closedLeads, int won, int lost, int trainSize, int testSize, Double auc, Double logLoss,
            boolean sufficient, int minimumClosed, PredictiveModel model) {}

    private ModelTraining() {}

    /** {@code history} must be ordered oldest first. */
    public static Report train(List<LogisticRegression.Example> history, int minimumClosed, LogisticRegression.Settings settings) {
        int won = (int) history.stream().filter(LogisticRegression.Example::won).count();
        int lost = history.size() - won;
        if (history.size() < minimumClosed || won == 0 || lost == 0) {
            return new Report(history.size(), won, lost, 0, 0, null, null, false, minimumClosed, null);
        }
        int testSize = Math.max(1, history.size() / 5);
        List<LogisticRegression.Example> train = history.subList(0, history.size() - testSize);
        List<LogisticRegression.Example> test = history.subList(history.size() - testSize, history.size());
        PredictiveModel trial = LogisticRegression.fit(train, settings);
        double[] p = new double[test.size()];
        boolean[] y = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            p[i] = trial.probability(test.get(i).features());
            y[i] = test.get(i).won();
        }
        double auc = LogisticRegression.auc(p, y);
        PredictiveModel model = LogisticRegression.fit(history, settings);
        return new Report(history.size(), won, lost, train.size(), test.size(), Double.isNaN(auc) ? null : auc,
                LogisticRegression.logLoss(p, y), true, minimumClosed, model);
    }
}
