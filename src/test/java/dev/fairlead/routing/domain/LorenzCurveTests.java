package dev.fairlead.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LorenzCurveTests {

    @Test
    void sortsAmountsAndRunsFromTheOriginToOneOne() {
        double[][] curve = Fairness.lorenz(new double[] {30, 10, 0, 60});
        assertThat(curve).hasDimensions(5, 2);
        assertThat(curve[0]).containsExactly(0, 0);
        assertThat(curve[1]).containsExactly(0.25, 0.0);
        assertThat(curve[2]).containsExactly(0.5, 0.1);
        assertThat(curve[3]).containsExactly(0.75, 0.4);
        assertThat(curve[4]).containsExactly(1.0, 1.0);
    }

    @Test
    void nothingOrOnlyZerosIsTheDiagonal() {
        assertThat(Fairness.lorenz(new double[0])).isDeepEqualTo(new double[][] {{0, 0}, {1, 1}});
        assertThat(Fairness.lorenz(new double[] {0, 0})).isDeepEqualTo(new double[][] {{0, 0}, {0.5, 0.5}, {1, 1}});
    }
}
