package dev.fairlead.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.fairlead.goals.domain.Decomposition.Child;
import dev.fairlead.goals.domain.Decomposition.Share;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecompositionTests {

    @Test
    void companyAnnualRevenueSplitsToTeamsByWeightToTheCent() {
        Decomposition.Result result = Decomposition.split(new BigDecimal("10000000.00"), List.of(
                Child.weighted("team:shanghai", new BigDecimal("3")),
                Child.weighted("team:hangzhou", new BigDecimal("3")),
                Child.weighted("team:shenzhen", new BigDecimal("3"))), 2);

        assertThat(result.shares()).extracting(Share::value).containsExactly(
                new BigDecimal("3333333.34"), new BigDecimal("3333333.33"), new BigDecimal("3333333.33"));
        assertThat(result.gap()).isEqualByComparingTo("0");
        assertThat(result.equalFallback()).isFalse();
    }

    @Test
    void reSplitKeepsLockedChildrenAndSpreadsTheRest() {
        Decomposition.Result result = Decomposition.split(new BigDecimal("1200000"), List.of(
                Child.locked("team:shanghai", new BigDecimal("500000")),
                Child.weighted("team:hangzhou", BigDecimal.ONE),
                Child.weighted("team:shenzhen", BigDecimal.ONE)), 2);

        assertThat(result.shares()).containsExactly(
                new Share("team:shanghai", new BigDecimal("500000.00"), true),
                new Share("team:hangzhou", new BigDecimal("350000.00"), false),
                new Share("team:shenzhen", new BigDecimal("350000.00"), false));
        assertThat(result.lockedTotal()).isEqualByComparingTo("500000");
        assertThat(result.gap()).isEqualByComparingTo("0");
    }

    @Test
    void lockedChildrenAboveTheParentLeaveTheOthersAtZeroAndShowTheGap() {
        Decomposition.Result result = Decomposition.split(new BigDecimal("100"), List.of(
                Child.locked("a", new BigDecimal("80")), Child.locked("b", new BigDecimal("40")),
                Child.weighted("c", BigDecimal.ONE)), 0);

        assertThat(result.shares()).extracting(Share::value).containsExactly(
                new BigDecimal("80"), new BigDecimal("40"), new BigDecimal("0"));
        assertThat(result.gap()).isEqualByComparingTo("-20");
    }

    @Test
    void childrenWithoutAnyHistoryFallBackToAnEqualSplit() {
        Decomposition.Result result = Decomposition.split(new BigDecimal("10"), List.of(
                Child.weighted("a", BigDecimal.ZERO), Child.weighted("b", BigDecimal.ZERO)), 0);

        assertThat(result.equalFallback()).isTrue();
        assertThat(result.shares()).extracting(Share::value).containsExactly(new BigDecimal("5"), new BigDecimal("5"));
    }

    @Test
    void withLockedChildrenBelowTheParentEverySplitAddsUpExactlyAndKeepsTheLockedValues() {
        qt().withExamples(300).forAll(
                        longs().between(0, 1_000_000_000L),
                        lists().of(integers().between(-1, 1000)).ofSizeBetween(1, 15),
                        integers().between(0, 100))
                .checkAssert((cents, spec, lockedPercent) -> {
                    BigDecimal parent = BigDecimal.valueOf(cents, 2);
                    // -1 marks a locked child; all locked children together take lockedPercent of the parent
                    long lockedCount = spec.stream().filter(s -> s < 0).count();
                    BigDecimal each = lockedCount == 0 ? BigDecimal.ZERO
                            : parent.multiply(BigDecimal.valueOf(lockedPercent, 2))
                                    .divide(BigDecimal.valueOf(lockedCount), 2, java.math.RoundingMode.DOWN);
                    List<Child> children = new ArrayList<>();
                    for (int i = 0; i < spec.size(); i++) {
                        children.add(spec.get(i) < 0 ? Child.locked("c" + i, each)
                                : Child.weighted("c" + i, BigDecimal.valueOf(spec.get(i))));
                    }
                    Decomposition.Result result = Decomposition.split(parent, children, 2);
                    for (int i = 0; i < spec.size(); i++) {
                        if (spec.get(i) < 0) {
                            assertThat(result.shares().get(i).value()).isEqualByComparingTo(each);
                        }
                    }
                    boolean someOpen = spec.stream().anyMatch(s -> s >= 0);
                    if (someOpen) {
                        assertThat(result.total()).isEqualByComparingTo(parent);
                        assertThat(result.gap()).isEqualByComparingTo("0");
                    } else {
                        assertThat(result.gap()).isEqualByComparingTo(parent.subtract(result.total()));
                    }
                });
    }
}
