package dev.fairlead.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightsMathTests {

    @Test
    void projectionRunsTheActualOnAtTheSameRateAndSpreadsTheGapOverTheWorkingDaysLeft() {
        PaceProjection p = PaceProjection.of(new BigDecimal("100000.00"), new BigDecimal("30000.00"), 0.4, 12);
        assertThat(p.projected()).isEqualByComparingTo("75000.00");
        assertThat(p.projectedAttainment()).isCloseTo(0.75, within(1e-12));
        assertThat(p.gap()).isEqualByComparingTo("70000.00");
        assertThat(p.gapPerWorkingDay()).isEqualByComparingTo("5833.33");
    }

    @Test
    void nothingIsProjectedBeforeTimePassesAndAnOvershootLeavesNoGap() {
        PaceProjection start = PaceProjection.of(BigDecimal.TEN, BigDecimal.ZERO, 0, 20);
        assertThat(start.projected()).isNull();
        assertThat(start.projectedAttainment()).isNull();
        PaceProjection ahead = PaceProjection.of(BigDecimal.TEN, new BigDecimal("12"), 1, 0);
        assertThat(ahead.gap()).isEqualByComparingTo("0");
        assertThat(ahead.gapPerWorkingDay()).isEqualByComparingTo("0");
        assertThat(PaceProjection.of(BigDecimal.ZERO, BigDecimal.ONE, 0.5, 3).projectedAttainment()).isNull();
        assertThatThrownBy(() -> PaceProjection.of(BigDecimal.TEN, BigDecimal.ONE, 1.5, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysLeftCountTodayAndSkipWeekends() {
        // Wednesday 19 March 2031 to the end of March: 19-21, 24-28, 31
        assertThat(PaceProjection.workingDaysLeft(LocalDate.of(2031, 3, 19), LocalDate.of(2031, 4, 1))).isEqualTo(9);
        assertThat(PaceProjection.workingDaysLeft(LocalDate.of(2031, 3, 22), LocalDate.of(2031, 3, 24))).isZero();
    }

    @Test
    void giniIsTakenWithinEachTierAndTheRatioNeedsEveryoneToHaveSomething() {
        var gini = Spread.giniByTier(List.of(new Spread.Share("REGULAR", 3), new Spread.Share("REGULAR", 1),
                new Spread.Share("SENIOR", 5), new Spread.Share("REGULAR", 2), new Spread.Share("SENIOR", 5)));
        // REGULAR 3, 1, 2: sum of |xi - xj| over ordered pairs = 8, over 2 n² mean = 2 · 9 · 2 = 36
        assertThat(gini.get("REGULAR")).isCloseTo(8.0 / 36, within(1e-12));
        assertThat(gini.get("SENIOR")).isZero();
        assertThat(Spread.maxMinRatio(List.of(3.0, 1.0, 2.0))).isEqualTo(3.0);
        assertThat(Spread.maxMinRatio(List.of(3.0, 0.0))).isNull();
        assertThat(Spread.maxMinRatio(List.of(3.0))).isNull();
        assertThat(Spread.share(2, 3)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Spread.share(0, 0)).isNull();
    }

    @Test
    void alertChecksFireOnTheirThresholdAndNotBelowIt() {
        assertThat(AlertChecks.behindPace(0.79, 0.3, 0.8, 0.3)).isTrue();
        assertThat(AlertChecks.behindPace(0.79, 0.29, 0.8, 0.3)).isFalse();
        assertThat(AlertChecks.behindPace(0.8, 0.5, 0.8, 0.3)).isFalse();
        assertThat(AlertChecks.behindPace(null, 0.5, 0.8, 0.3)).isFalse();
        assertThat(AlertChecks.activityDrop(0, 8, 0.5)).isTrue();
        assertThat(AlertChecks.activityDrop(1, 8, 0.5)).isFalse();
        assertThat(AlertChecks.activityDrop(0, 0, 0.5)).as("no average to drop from").isFalse();
        assertThat(AlertChecks.agingLeads(2, 2)).isTrue();
        assertThat(AlertChecks.agingLeads(1, 2)).isFalse();
        assertThat(AlertChecks.agingLeads(0, 0)).isFalse();
        assertThat(AlertChecks.slaBreaches(1, 1)).isTrue();
        assertThat(AlertChecks.slaBreaches(0, 0)).isFalse();
        assertThat(AlertChecks.overload(4, 3, 1)).isTrue();
        assertThat(AlertChecks.overload(3, 3, 1)).isFalse();
        assertThat(AlertChecks.poolGrowth(3, 1, 2)).isTrue();
        assertThat(AlertChecks.poolGrowth(3, 2, 2)).isFalse();
        assertThat(AlertChecks.poolGrowth(1, 0, 0)).isTrue();
    }
}
