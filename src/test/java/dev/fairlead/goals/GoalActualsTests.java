package dev.fairlead.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Period;
import dev.fairlead.common.UnitPeriod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Follow-ups and visits come through the ActivityCounts port of whichever module records activities. */
class GoalActualsTests {

    private static final List<UnitPeriod> WINDOWS = List.of(
            UnitPeriod.rep("li-na", 7, Period.month(2026, 3)), UnitPeriod.team("shanghai", 3, Period.month(2026, 3)));

    @Test
    void withoutAnActivityModuleFollowUpAndVisitGoalsAreNotOffered() {
        GoalActuals actuals = new GoalActuals(null, null, null, null, new StaticListableBeanFactory().getBeanProvider(ActivityCounts.class));
        assertThat(actuals.available(GoalMetric.FOLLOW_UPS)).isFalse();
        assertThat(actuals.available(GoalMetric.VISITS)).isFalse();
        assertThat(actuals.available(GoalMetric.REVENUE)).isTrue();
    }

    @Test
    void visitsRollUpFromThePortAndUnitsWithoutActivityCountZero() {
        ActivityCounts recorded = (activity, windows) -> activity == ActivityCounts.Activity.VISIT ? Map.of("li-na", 12L) : Map.of("li-na", 40L);
        GoalActuals actuals = new GoalActuals(null, null, null, null,
                new StaticListableBeanFactory(Map.of("activities", recorded)).getBeanProvider(ActivityCounts.class));

        assertThat(actuals.available(GoalMetric.VISITS)).isTrue();
        Map<String, BigDecimal> visits = actuals.measure(GoalMetric.VISITS, WINDOWS);
        assertThat(visits.get("li-na")).isEqualByComparingTo("12");
        assertThat(visits.get("shanghai")).isEqualByComparingTo("0");
        assertThat(actuals.measure(GoalMetric.FOLLOW_UPS, WINDOWS).get("li-na")).isEqualByComparingTo("40");
    }
}
