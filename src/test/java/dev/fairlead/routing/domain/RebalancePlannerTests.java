package dev.fairlead.routing.domain;

import static dev.fairlead.routing.domain.Fixtures.WEDNESDAY;
import static dev.fairlead.routing.domain.Fixtures.lead;
import static dev.fairlead.routing.domain.Fixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebalancePlannerTests {

    private static final Map<String, ConversionHistory> STAR = Map.of("", new ConversionHistory(50, 100));
    private static final Map<String, ConversionHistory> WEAK = Map.of("", new ConversionHistory(5, 100));
    private final RebalancePlanner planner = new RebalancePlanner();

    @Test
    void movesLeadsToTheStrongerConverterUpToTheFairnessCap() {
        List<RepState> reps = List.of(rep(1, "李娜").history(STAR).build(), rep(2, "王伟").history(WEAK).load(10, 0, 0).build());
        List<RebalancePlanner.OpenLead> leads = leads(10, 2);

        RebalancePlanner.Plan plan = planner.plan(leads, reps, new RebalancePlanner.Params(1.2, 0.001, false), WEDNESDAY.toLocalDate());

        assertThat(plan.fairCap()).isEqualTo(6);
        assertThat(plan.moves()).hasSize(6).allMatch(m -> m.fromRepId() == 2 && m.toRepId() == 1 && m.gain() > 0);
        assertThat(plan.objectiveAfter()).isGreaterThan(plan.objectiveBefore()).isLessThanOrEqualTo(plan.upperBound() + 1e-9);
    }

    @Test
    void neverMovesALeadOutsideTheReceiversTerritoryOrPastTheirDailyIntake() {
        List<RepState> reps = List.of(rep(1, "胡军").cities("440300").history(STAR).build(),
                rep(2, "李娜").history(STAR).caps(100, 3, 100).load(0, 1, 1).build(),
                rep(3, "王伟").history(WEAK).load(10, 0, 0).build());

        RebalancePlanner.Plan plan = planner.plan(leads(10, 3), reps, new RebalancePlanner.Params(10, 0.001, false), WEDNESDAY.toLocalDate());

        assertThat(plan.moves()).noneMatch(m -> m.toRepId() == 1);
        assertThat(plan.moves()).hasSize(2).allMatch(m -> m.toRepId() == 2);
    }

    @Test
    void handsOnTheLeadsOfAnInactiveRep() {
        List<RepState> reps = List.of(rep(1, "李娜").history(WEAK).build(), rep(2, "王伟").inactive().history(STAR).load(4, 0, 0).build());

        RebalancePlanner.Plan plan = planner.plan(leads(4, 2), reps, new RebalancePlanner.Params(2, 0.001, false), WEDNESDAY.toLocalDate());

        assertThat(plan.moves()).hasSize(4).allMatch(m -> m.toRepId() == 1);
        assertThat(plan.moves()).allMatch(m -> m.gain() < 0);
    }

    @Test
    void smallGainsBelowTheMovePenaltyStayPut() {
        Map<String, ConversionHistory> slightlyBetter = Map.of("", new ConversionHistory(16, 100));
        Map<String, ConversionHistory> average = Map.of("", new ConversionHistory(15, 100));
        List<RepState> reps = List.of(rep(1, "李娜").history(slightlyBetter).build(), rep(2, "王伟").history(average).load(4, 0, 0).build());

        RebalancePlanner.Plan plan = planner.plan(leads(4, 2), reps, new RebalancePlanner.Params(2, 0.05, false), WEDNESDAY.toLocalDate());

        assertThat(plan.moves()).isEmpty();
        assertThat(plan.objectiveAfter()).isEqualTo(plan.objectiveBefore());
    }

    private static List<RebalancePlanner.OpenLead> leads(int count, long owner) {
        List<RebalancePlanner.OpenLead> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(new RebalancePlanner.OpenLead(lead(100 + i).score(60).build(), owner));
        }
        return leads;
    }
}
