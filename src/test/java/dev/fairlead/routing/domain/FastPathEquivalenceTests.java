package dev.fairlead.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backtest and the non-explaining engine take short cuts (one-pass eligibility without
 * reasons, reps indexed by territory, primitive counters); on randomised organisations, rule sets
 * and lead streams they must decide every lead exactly as the straightforward code does.
 */
class FastPathEquivalenceTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void theBacktestGivesEveryLeadTheSameRepAsTheUnoptimisedReference() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            RandomWorkload workload = new RandomWorkload(seed);
            List<RepState> reps = workload.reps();
            RuleSet rules = workload.rules(reps);
            List<LeadFacts> leads = workload.leads(400);
            ReferenceBacktest reference = new ReferenceBacktest(rules, reps, ZONE);
            Backtest optimised = new Backtest(rules, reps, ZONE);

            for (LeadFacts lead : leads) {
                String expected = outcome(reference.route(lead));
                assertThat(outcome(optimised.route(lead))).as("lead %d (seed %d)", lead.leadId(), seed).isEqualTo(expected);
            }
            assertThat(optimised.result()).as("seed %d", seed).isEqualTo(reference.result());
        });
    }

    @Test
    void decidingWithoutExplanationPicksTheSameRepAsExplaining() {
        RoutingEngine explaining = RoutingEngine.explaining();
        RoutingEngine quiet = new RoutingEngine(EligibilityPolicies.standard(), false);
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            RandomWorkload workload = new RandomWorkload(seed);
            List<RepState> reps = new ArrayList<>();
            for (RepState rep : workload.reps()) {
                reps.add(workload.withRandomCounters(rep));
            }
            RuleSet rules = workload.rules(reps);
            Roster kept = new Roster(reps);
            MemoryStrategyState state = new MemoryStrategyState();
            for (LeadFacts lead : workload.leads(30)) {
                ZonedDateTime at = lead.createdAt().atZone(ZONE);
                Decision decision = explaining.route(lead, reps, rules, state, at);
                String expected = outcome(decision);
                assertThat(outcome(quiet.route(lead, reps, rules, state, at))).as("lead %d (seed %d)", lead.leadId(), seed)
                        .isEqualTo(expected);
                assertThat(outcome(quiet.route(lead, kept, rules, state, at))).as("lead %d (seed %d), kept roster", lead.leadId(), seed)
                        .isEqualTo(expected);
                if (decision instanceof Decision.Assigned a) {
                    state.apply(a.updates());
                }
            }
        });
    }

    @Test
    void theOnePassEligibilityCheckAgreesWithTheChainOfPolicies() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            RandomWorkload workload = new RandomWorkload(seed);
            List<RepState> reps = workload.reps();
            RuleSet rules = workload.rules(reps);
            for (LeadFacts lead : workload.leads(10)) {
                LocalDate day = workload.day();
                String industry = EligibilityPolicies.lowerSkill(lead.industry());
                String product = EligibilityPolicies.lowerSkill(lead.productInterest());
                for (Rule rule : rules.rules()) {
                    for (RepState r : reps) {
                        RepState rep = workload.withRandomCounters(r);
                        boolean expected = EligibilityPolicy.all(EligibilityPolicies.standard(), rep, lead, rule, day).eligible();
                        assertThat(EligibilityPolicies.admits(rep, lead, rule, day, day.getDayOfWeek(), industry, product, false))
                                .as("rep %s, lead %s, rule %s, %s", rep, lead, rule, day).isEqualTo(expected);
                    }
                }
            }
        });
    }

    /** Everything a decision says apart from the trace: who or which pool, by which rule, why, and the state it changes. */
    private static String outcome(Decision decision) {
        Explanation e = decision.explanation();
        String common = e.outcome() + " " + e.winnerRepId() + " " + e.ruleKey() + " " + e.why() + " " + e.value();
        if (decision instanceof Decision.Assigned a) {
            return common + " rep " + a.repId() + " " + a.updates();
        }
        return common + " pool " + ((Decision.Pooled) decision).poolId();
    }
}
