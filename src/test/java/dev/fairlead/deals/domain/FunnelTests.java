package dev.fairlead.deals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.fairlead.deals.domain.Funnel.DealPath;
import dev.fairlead.deals.domain.Funnel.Outcome;
import dev.fairlead.deals.domain.Funnel.Visit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelTests {

    private static final List<Funnel.Stage> STAGES = List.of(new Funnel.Stage("contact", 1), new Funnel.Stage("needs", 2),
            new Funnel.Stage("proposal", 3), new Funnel.Stage("negotiation", 4));
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void countsEveryDealAtEachStageItReachedAndConvertsStageToStage() {
        List<DealPath> deals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            deals.add(path(i, "李娜", 1, Outcome.LOST, "10000")); // lost at contact
        }
        for (int i = 4; i < 7; i++) {
            deals.add(path(i, "李娜", 2, Outcome.OPEN, "20000")); // sitting in needs
        }
        deals.add(path(7, "王伟", 3, Outcome.LOST, "50000"));
        deals.add(path(8, "王伟", 4, Outcome.WON, "80000"));
        deals.add(path(9, "王伟", 2, Outcome.WON, "60000")); // skipped stages straight to won

        Funnel.Result result = Funnel.compute(STAGES, deals);

        assertThat(result.stages()).extracting(Funnel.StageFigures::reached).containsExactly(10L, 6L, 3L, 2L, 2L);
        assertThat(result.stages().get(0).conversionToNext()).isCloseTo(0.6, offset(1e-9));
        assertThat(result.stages().get(1).conversionToNext()).isCloseTo(0.5, offset(1e-9));
        assertThat(result.stages().get(3).conversionToNext()).isCloseTo(1.0, offset(1e-9));
        assertThat(result.stages().get(2).amount()).isEqualByComparingTo("190000");
        assertThat(result.totals().winRate()).isCloseTo(2.0 / 7, offset(1e-9));
        assertThat(result.totals().wonAmount()).isEqualByComparingTo("140000");
        assertThat(result.totals().open()).isEqualTo(3);
        assertThat(result.groups()).extracting(Funnel.Group::key).containsExactly("李娜", "王伟");
        assertThat(result.groups().get(1).totals().winRate()).isCloseTo(2.0 / 3, offset(1e-9));
        assertThat(result.groups().get(0).reached()).containsExactly(7L, 3L, 0L, 0L);
    }

    @Test
    void averagesTheTimeSpentInEachStageOverVisitsThatEnded() {
        DealPath a = new DealPath(1, "x", 3, Outcome.OPEN, BigDecimal.TEN, List.of(
                new Visit("contact", T0, T0.plus(Duration.ofDays(2))),
                new Visit("needs", T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(6))),
                new Visit("proposal", T0.plus(Duration.ofDays(6)), null)));
        DealPath b = new DealPath(2, "x", 1, Outcome.LOST, BigDecimal.TEN, List.of(
                new Visit("contact", T0, T0.plus(Duration.ofDays(4))), new Visit("lost", T0.plus(Duration.ofDays(4)), null)));

        Funnel.Result result = Funnel.compute(STAGES, List.of(a, b));

        assertThat(result.stages().get(0).averageDaysInStage()).isCloseTo(3.0, offset(1e-9));
        assertThat(result.stages().get(1).averageDaysInStage()).isCloseTo(4.0, offset(1e-9));
        assertThat(result.stages().get(2).averageDaysInStage()).isNull();
    }

    @Test
    void withNoDecidedDealsThereIsNoWinRate() {
        Funnel.Result result = Funnel.compute(STAGES, List.of(path(1, "x", 1, Outcome.OPEN, "1")));
        assertThat(result.totals().winRate()).isNull();
        assertThat(Funnel.compute(STAGES, List.of()).stages().get(0).conversionToNext()).isNull();
    }

    @Test
    void dealsInAnotherCurrencyAreCountedButNotSummed() {
        Funnel.Result result = Funnel.compute(STAGES, List.of(path(1, "x", 2, Outcome.OPEN, "100"),
                new DealPath(2, "x", 2, Outcome.OPEN, null, List.of())));
        assertThat(result.stages().get(1).reached()).isEqualTo(2);
        assertThat(result.stages().get(1).amount()).isEqualByComparingTo("100");
    }

    private static DealPath path(long id, String group, int furthest, Outcome outcome, String amount) {
        return new DealPath(id, group, furthest, outcome, new BigDecimal(amount), List.of());
    }
}
