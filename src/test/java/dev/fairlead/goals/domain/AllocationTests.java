package dev.fairlead.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTests {

    @Test
    void splitsAHundredYuanThreeWaysToTheCentWithTheLeftoverCentGoingFirst() {
        assertThat(Allocation.largestRemainder(new BigDecimal("100.00"), ones(3), 2))
                .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
    }

    @Test
    void leftoverUnitsGoToTheLargestFractions() {
        // exact shares 1.6, 2.4, 6.0 of 10 → floors 1, 2, 6 and the one unit left goes to 1.6
        assertThat(Allocation.largestRemainder(BigDecimal.TEN, List.of(bd(16), bd(24), bd(60)), 0))
                .containsExactly(bd(2), bd(2), bd(6));
    }

    @Test
    void allZeroWeightsSplitEqually() {
        assertThat(Allocation.largestRemainder(new BigDecimal("10"), List.of(BigDecimal.ZERO, BigDecimal.ZERO), 0))
                .containsExactly(bd(5), bd(5));
    }

    @Test
    void refusesNegativeAmountsAndWeights() {
        assertThatThrownBy(() -> Allocation.largestRemainder(new BigDecimal("-1"), ones(2), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.largestRemainder(BigDecimal.ONE, List.of(bd(-1), bd(2)), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partsAlwaysAddUpExactlyToTheCentAndStayWithinOneCentOfTheirExactShare() {
        qt().withExamples(500).forAll(
                        longs().between(0, 99_999_999_999L),
                        lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 30))
                .checkAssert((cents, ints) -> {
                    BigDecimal total = BigDecimal.valueOf(cents, 2);
                    List<BigDecimal> weights = ints.stream().map(BigDecimal::valueOf).toList();
                    List<BigDecimal> parts = Allocation.largestRemainder(total, weights, 2);
                    assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
                    assertThat(parts).allSatisfy(p -> assertThat(p.scale()).isEqualTo(2));
                    BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    for (int i = 0; i < parts.size(); i++) {
                        BigDecimal exact = sum.signum() == 0
                                ? total.divide(BigDecimal.valueOf(parts.size()), MathContext.DECIMAL64)
                                : total.multiply(weights.get(i)).divide(sum, MathContext.DECIMAL64);
                        assertThat(parts.get(i).subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
                    }
                });
    }

    @Test
    void wholeCountsAddUpExactly() {
        qt().withExamples(300).forAll(integers().between(0, 100_000), lists().of(integers().between(0, 50)).ofSizeBetween(1, 12))
                .checkAssert((count, ints) -> {
                    List<BigDecimal> parts = Allocation.largestRemainder(BigDecimal.valueOf(count),
                            ints.stream().map(BigDecimal::valueOf).toList(), 0);
                    assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(BigDecimal.valueOf(count));
                    assertThat(parts).allSatisfy(p -> assertThat(p.signum()).isGreaterThanOrEqualTo(0));
                });
    }

    private static List<BigDecimal> ones(int n) {
        return java.util.Collections.nCopies(n, BigDecimal.ONE);
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }
}
