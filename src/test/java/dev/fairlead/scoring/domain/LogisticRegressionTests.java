package dev.fairlead.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTests {

    /** Leads from large companies that asked for a demo win; the rest lose, with some noise features. */
    private static List<LogisticRegression.Example> separableHistory(int n, long seed) {
        Random random = new Random(seed);
        List<LogisticRegression.Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean large = random.nextBoolean();
            boolean demo = random.nextBoolean();
            boolean won = large && demo;
            examples.add(new LogisticRegression.Example(Map.of(
                    "size=large", large ? 1.0 : 0.0,
                    "behaviour.DEMO_REQUEST", demo ? 1.0 : 0.0,
                    "budget.log10", 4 + random.nextDouble() * 2,
                    "noise", random.nextGaussian()), won));
        }
        return examples;
    }

    @Test
    void learnsASeparableHistoryWithHighAucOnHeldOutExamples() {
        PredictiveModel model = LogisticRegression.fit(separableHistory(400, 1), LogisticRegression.Settings.defaults());
        List<LogisticRegression.Example> test = separableHistory(200, 2);
        double[] p = new double[test.size()];
        boolean[] y = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            p[i] = model.probability(test.get(i).features());
            y[i] = test.get(i).won();
        }

        assertThat(LogisticRegression.auc(p, y)).isGreaterThan(0.9);
        assertThat(LogisticRegression.logLoss(p, y)).isLessThan(0.45);
    }

    @Test
    void isDeterministic() {
        PredictiveModel a = LogisticRegression.fit(separableHistory(200, 3), LogisticRegression.Settings.defaults());
        PredictiveModel b = LogisticRegression.fit(separableHistory(200, 3), LogisticRegression.Settings.defaults());

        assertThat(a.weights()).containsExactly(b.weights());
        assertThat(a.bias()).isEqualTo(b.bias());
    }

    @Test
    void namesTheFeaturesThatPushAProbabilityMost() {
        PredictiveModel model = LogisticRegression.fit(separableHistory(400, 4), LogisticRegression.Settings.defaults());

        List<PredictiveModel.FeatureEffect> top = model.topEffects(Map.of("size=large", 1.0, "behaviour.DEMO_REQUEST", 1.0,
                "budget.log10", 5.0, "noise", 0.0), 2);

        assertThat(top).extracting(PredictiveModel.FeatureEffect::feature)
                .containsExactlyInAnyOrder("size=large", "behaviour.DEMO_REQUEST");
        assertThat(top).allSatisfy(e -> assertThat(e.effect()).isPositive());
    }

    @Test
    void aucCountsTiesAsHalfAndLogLossPunishesConfidentMistakes() {
        assertThat(LogisticRegression.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true})).isEqualTo(0.75);
        assertThat(LogisticRegression.auc(new double[] {0.5, 0.5}, new boolean[] {false, true})).isEqualTo(0.5);
        assertThat(LogisticRegression.logLoss(new double[] {0.99}, new boolean[] {false}))
                .isGreaterThan(LogisticRegression.logLoss(new double[] {0.6}, new boolean[] {false}));
    }

    @Test
    void trainingSaysSoWhenHistoryIsTooShort() {
        ModelTraining.Report report = ModelTraining.train(separableHistory(30, 5), 50, LogisticRegression.Settings.defaults());

        assertThat(report.sufficient()).isFalse();
        assertThat(report.model()).isNull();
        assertThat(report.closedLeads()).isEqualTo(30);
    }

    @Test
    void trainingHoldsOutTheNewestFifthAndReportsItsAccuracy() {
        ModelTraining.Report report = ModelTraining.train(separableHistory(500, 6), 50, LogisticRegression.Settings.defaults());

        assertThat(report.sufficient()).isTrue();
        assertThat(report.trainSize()).isEqualTo(400);
        assertThat(report.testSize()).isEqualTo(100);
        assertThat(report.auc()).isGreaterThan(0.9);
        assertThat(report.model()).isNotNull();
    }
}
