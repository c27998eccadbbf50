package dev.fairlead.routing.domain;

import static dev.fairlead.routing.domain.Fixtures.rep;
import static dev.fairlead.routing.domain.Fixtures.rule;
import static dev.fairlead.routing.domain.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fairlead.org.Tier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTests {

    private static final Instant MONDAY_9AM = Instant.parse("2026-11-16T01:00:00Z");

    @Test
    void giniIsZeroForAnEvenSplitAndGrowsWithConcentration() {
        assertThat(Fairness.gini(new double[] {5, 5, 5, 5})).isEqualTo(0.0);
        assertThat(Fairness.gini(new double[] {0, 0, 0, 10})).isCloseTo(0.75, within(1e-9));
        assertThat(Fairness.gini(new double[] {1, 2, 3})).isCloseTo(2.0 / 9, within(1e-9));
    }

    @Test
    void dailyCapsPoolTheRestOfTheDayAndResetTheNextMorning() {
        Backtest backtest = new Backtest(rules(rule("rr", StrategyKind.ROUND_ROBIN, Fixtures.shanghaiTeam())),
                List.of(rep(1, "李娜").caps(100, 2, 100).build(), rep(2, "王伟").caps(100, 2, 100).build()), Fixtures.SHANGHAI);

        for (int i = 0; i < 6; i++) {
            backtest.route(lead(i, MONDAY_9AM.plus(i, ChronoUnit.MINUTES), null));
        }
        backtest.route(lead(7, MONDAY_9AM.plus(1, ChronoUnit.DAYS), null));
        BacktestResult result = backtest.result();

        assertThat(result.leads()).isEqualTo(7);
        assertThat(result.assigned()).isEqualTo(5);
        assertThat(result.pooled()).isEqualTo(2);
        assertThat(result.capViolations()).isZero();
        assertThat(result.maxMinLoadRatio()).isEqualTo(1.5);
        assertThat(result.leadsPerRule()).containsEntry("rr", 5L);
    }

    @Test
    void aLeadClosedInHistoryFreesItsRepsOpenCapacity() {
        Backtest backtest = new Backtest(rules(rule("least", StrategyKind.LEAST_LOADED, Fixtures.shanghaiTeam())),
                List.of(rep(1, "李娜").caps(1, 100, 1000).build()), Fixtures.SHANGHAI);

        backtest.route(lead(1, MONDAY_9AM, MONDAY_9AM.plus(2, ChronoUnit.HOURS)));
        Decision whileOpen = backtest.route(lead(2, MONDAY_9AM.plus(1, ChronoUnit.HOURS), null));
        Decision afterClose = backtest.route(lead(3, MONDAY_9AM.plus(3, ChronoUnit.HOURS), null));

        assertThat(whileOpen).isInstanceOf(Decision.Pooled.class);
        assertThat(afterClose).isInstanceOf(Decision.Assigned.class);
    }

    @Test
    void reportsValueAndGiniPerTier() {
        Backtest backtest = new Backtest(rules(rule("rr", StrategyKind.ROUND_ROBIN, Fixtures.shanghaiTeam())),
                List.of(rep(1, "李娜").tier(Tier.SENIOR).build(), rep(2, "王伟").tier(Tier.SENIOR).build(),
                        rep(3, "小张").tier(Tier.NEW).build()), Fixtures.SHANGHAI);
        for (int i = 0; i < 30; i++) {
            backtest.route(lead(i, MONDAY_9AM.plus(i, ChronoUnit.MINUTES), null));
        }
        BacktestResult result = backtest.result();

        assertThat(result.reps()).extracting(BacktestResult.RepOutcome::leads).containsExactly(10L, 10L, 10L);
        assertThat(result.giniByTier()).containsEntry(Tier.SENIOR, 0.0).containsEntry(Tier.NEW, 0.0);
        assertThat(result.expectedValue()).isCloseTo(30 * ValueModel.DEFAULT.valueOf(lead(0, MONDAY_9AM, null)).expectedValue(), within(1e-6));
        assertThat(result.expectedConversions()).isPositive();
    }

    private static LeadFacts lead(long id, Instant createdAt, Instant closedAt) {
        return new LeadFacts(id, "WEB_FORM", "杭州云栖科技有限公司", null, "manufacturing", "SMALL", "310000", "310100", "200001", "crm",
                60_000.0, 55, null, createdAt, closedAt, closedAt == null ? null : Boolean.TRUE);
    }
}
