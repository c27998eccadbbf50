package dev.fairlead.routing.domain;

import static dev.fairlead.routing.domain.Fixtures.WEDNESDAY;
import static dev.fairlead.routing.domain.Fixtures.lead;
import static dev.fairlead.routing.domain.Fixtures.rep;
import static dev.fairlead.routing.domain.Fixtures.rule;
import static dev.fairlead.routing.domain.Fixtures.rules;
import static dev.fairlead.routing.domain.Fixtures.shanghaiTeam;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.org.Tier;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class StrategyTests {

    private final RoutingEngine engine = RoutingEngine.explaining();

    /** Routes leads one after another, applying state updates and counting leads like the live path does. */
    private final class Run {
        final MemoryStrategyState state = new MemoryStrategyState();
        final List<RepState> reps;
        final RuleSet ruleSet;
        final List<Long> winners = new ArrayList<>();

        Run(RuleSet ruleSet, RepState... reps) {
            this.ruleSet = ruleSet;
            this.reps = new ArrayList<>(List.of(reps));
        }

        Decision route(LeadFacts lead, ZonedDateTime at) {
            Decision d = engine.route(lead, reps, ruleSet, state, at);
            if (d instanceof Decision.Assigned a) {
                state.apply(a.updates());
                winners.add(a.repId());
                for (int i = 0; i < reps.size(); i++) {
                    if (reps.get(i).repId() == a.repId()) {
                        reps.set(i, reps.get(i).withOneMoreLead());
                    }
                }
            }
            return d;
        }

        Run leads(int n, IntFunction<LeadFacts> lead) {
            for (int i = 0; i < n; i++) {
                route(lead.apply(i), WEDNESDAY);
            }
            return this;
        }

        Map<Long, Integer> counts() {
            Map<Long, Integer> c = new HashMap<>();
            winners.forEach(w -> c.merge(w, 1, Integer::sum));
            return c;
        }
    }

    @Test
    void smoothWeightedRoundRobinGivesExactSharesOverAThousandPicksWithoutBursts() {
        Run run = new Run(rules(rule("weighted", StrategyKind.WEIGHTED_ROUND_ROBIN, shanghaiTeam())),
                rep(1, "李娜").weight(5).build(), rep(2, "王伟").weight(3).build(), rep(3, "Emily Chen").weight(2).build());

        run.leads(1000, i -> lead(i).build());

        assertThat(run.counts()).containsEntry(1L, 500).containsEntry(2L, 300).containsEntry(3L, 200);
        for (int cycle = 0; cycle < 100; cycle++) {
            List<Long> window = run.winners.subList(cycle * 10, cycle * 10 + 10);
            assertThat(window).as("cycle %d", cycle).filteredOn(r -> r == 1L).hasSize(5);
            assertThat(window).filteredOn(r -> r == 2L).hasSize(3);
            assertThat(window).filteredOn(r -> r == 3L).hasSize(2);
        }
        assertThat(longestStreak(run.winners)).as("no rep gets more than two in a row").isLessThanOrEqualTo(2);
    }

    @Test
    void roundRobinTakesRepsInTurnAndSkipsTheOneAtCap() {
        Run run = new Run(rules(rule("rr", StrategyKind.ROUND_ROBIN, shanghaiTeam())),
                rep(1, "李娜").build(), rep(2, "王伟").caps(2, 50, 500).build(), rep(3, "Emily Chen").build());

        run.leads(7, i -> lead(i).build());

        assertThat(run.winners).containsExactly(1L, 2L, 3L, 1L, 2L, 3L, 1L);
        run.leads(2, i -> lead(100 + i).build());
        assertThat(run.winners.subList(7, 9)).containsExactly(3L, 1L);
    }

    @Test
    void leastLoadedCountsTaskWorkloadAgainstCapacity() {
        RepState busyWithTasks = rep(1, "李娜").load(10, 0, 0).workload(100).caps(40, 50, 500).build();
        RepState fewLeadsSmallCapacity = rep(2, "王伟").load(8, 0, 0).caps(20, 50, 500).build();
        RepState roomy = rep(3, "Emily Chen").load(20, 0, 0).caps(80, 50, 500).build();

        Decision d = engine.route(lead(1).build(), List.of(busyWithTasks, fewLeadsSmallCapacity, roomy),
                rules(rule("least", StrategyKind.LEAST_LOADED, shanghaiTeam())), new MemoryStrategyState(), WEDNESDAY);

        assertThat(((Decision.Assigned) d).repId()).isEqualTo(3L);
        Map<String, Double> busy = candidate(d, 1).figures();
        assertThat(busy.get("loadRatio")).isEqualTo(0.5);
        assertThat(candidate(d, 2).figures().get("loadRatio")).isEqualTo(0.4);
        assertThat(candidate(d, 3).figures().get("loadRatio")).isEqualTo(0.25);
    }

    @Test
    void fairnessPointsKeepTheReceivedValueBalancedAcrossReps() {
        Run run = new Run(rules(rule("points", StrategyKind.FAIRNESS_POINTS, shanghaiTeam())),
                rep(1, "李娜").build(), rep(2, "王伟").build(), rep(3, "Emily Chen").build(), rep(4, "胡军").build());
        Random random = new Random(42);
        double maxCost = 0;
        List<LeadFacts> leads = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            LeadFacts lead = lead(i).budget(5_000.0 + random.nextInt(500_000)).score(random.nextInt(101)).build();
            maxCost = Math.max(maxCost, ValueModel.DEFAULT.valueOf(lead).points());
            leads.add(lead);
        }
        run.leads(400, leads::get);

        var month = PeriodKind.MONTH.start(WEDNESDAY.toLocalDate());
        List<Double> points = List.of(1L, 2L, 3L, 4L).stream().map(r -> run.state.points(r, PeriodKind.MONTH, month)).toList();
        double spread = points.stream().mapToDouble(p -> p).max().orElseThrow() - points.stream().mapToDouble(p -> p).min().orElseThrow();
        assertThat(spread).as("points %s", points).isLessThanOrEqualTo(maxCost);
    }

    @Test
    void whoeverReceivesAValuableLeadWaitsLongerForTheNext() {
        Run run = new Run(rules(rule("points", StrategyKind.FAIRNESS_POINTS, shanghaiTeam())),
                rep(1, "李娜").build(), rep(2, "王伟").build(), rep(3, "Emily Chen").build());
        run.route(lead(1).score(95).budget(1_000_000.0).build(), WEDNESDAY);
        run.leads(6, i -> lead(10 + i).score(20).budget(10_000.0).build());

        assertThat(run.winners.get(0)).isEqualTo(1L);
        assertThat(run.winners.subList(1, 7)).doesNotContain(1L);
    }

    @Test
    void fairnessPointsStartAfreshOrDecayInANewPeriod() {
        StrategyParams reset = new StrategyParams(PeriodKind.MONTH, 0, 1.5, 10, null);
        StrategyParams half = new StrategyParams(PeriodKind.MONTH, 0.5, 1.5, 10, null);
        MemoryStrategyState state = new MemoryStrategyState();
        state.apply(List.of(new StateUpdate.LedgerCharged(1, WEDNESDAY.toLocalDate().minusMonths(1), 40, 0),
                new StateUpdate.LedgerCharged(2, WEDNESDAY.toLocalDate(), 10, 0)));
        List<RepState> reps = List.of(rep(1, "李娜").build(), rep(2, "王伟").build());

        Decision afterReset = engine.route(lead(1).build(), reps, rules(rule("p", StrategyKind.FAIRNESS_POINTS, shanghaiTeam(), reset)), state, WEDNESDAY);
        Decision withDecay = engine.route(lead(1).build(), reps, rules(rule("p", StrategyKind.FAIRNESS_POINTS, shanghaiTeam(), half)), state, WEDNESDAY);

        assertThat(((Decision.Assigned) afterReset).repId()).isEqualTo(1L);
        assertThat(((Decision.Assigned) withDecay).repId()).isEqualTo(2L);
        assertThat(candidate(withDecay, 1).figures()).containsEntry("carriedPoints", 20.0).containsEntry("countedPoints", 20.0);
    }

    @Test
    void bestFitPrefersTheStrongestConverterButGuardsTheFairShare() {
        Map<String, ConversionHistory> star = Map.of("", new ConversionHistory(60, 100), "manufacturing", new ConversionHistory(40, 60));
        Map<String, ConversionHistory> average = Map.of("", new ConversionHistory(10, 100), "manufacturing", new ConversionHistory(5, 50));
        StrategyParams guard = new StrategyParams(PeriodKind.MONTH, 0, 1.5, 10, null);
        Run run = new Run(rules(rule("fit", StrategyKind.BEST_FIT, shanghaiTeam(), guard)),
                rep(1, "李娜").history(star).build(), rep(2, "王伟").history(average).build(), rep(3, "Emily Chen").history(average).build());

        run.leads(300, i -> lead(i).build());

        assertThat(run.winners.get(0)).isEqualTo(1L);
        var month = PeriodKind.MONTH.start(WEDNESDAY.toLocalDate());
        double starValue = run.state.value(1, PeriodKind.MONTH, month);
        double total = starValue + run.state.value(2, PeriodKind.MONTH, month) + run.state.value(3, PeriodKind.MONTH, month);
        assertThat(starValue / total).as("star's share of expected value").isGreaterThan(0.45).isLessThanOrEqualTo(0.5 + 1.0 / 300);
    }

    @Test
    void bestFitWeighsSkillMatch() {
        Map<String, ConversionHistory> same = Map.of("", new ConversionHistory(20, 100));
        RepState retailOnly = rep(1, "李娜").skills(java.util.Set.of("retail"), java.util.Set.of("erp")).history(same).build();
        RepState matching = rep(2, "王伟").history(same).build();

        Decision d = engine.route(lead(1).build(), List.of(retailOnly, matching),
                rules(rule("fit", StrategyKind.BEST_FIT, shanghaiTeam())), new MemoryStrategyState(), WEDNESDAY);

        assertThat(((Decision.Assigned) d).repId()).isEqualTo(2L);
        assertThat(candidate(d, 1).figures()).containsEntry("skillMatch", 0.5);
        assertThat(candidate(d, 2).figures()).containsEntry("skillMatch", 1.0);
    }

    @Test
    void tieredSendsGradeALeadsOnlyToSeniorAndKeyAccountReps() {
        List<RepState> reps = List.of(rep(1, "新人 小张").tier(Tier.NEW).build(), rep(2, "王伟").tier(Tier.REGULAR).build(),
                rep(3, "Emily Chen").tier(Tier.KEY_ACCOUNT).load(30, 0, 0).build(), rep(4, "李娜").tier(Tier.SENIOR).load(10, 0, 0).build());
        RuleSet tiered = rules(rule("tiered", StrategyKind.TIERED, shanghaiTeam()));

        Decision a = engine.route(lead(1).grade("A").build(), reps, tiered, new MemoryStrategyState(), WEDNESDAY);
        Decision c = engine.route(lead(2).grade("C").build(), reps, tiered, new MemoryStrategyState(), WEDNESDAY);

        assertThat(((Decision.Assigned) a).repId()).isEqualTo(4L);
        assertThat(candidate(a, 1).note().code()).isEqualTo("tierNotPreferred");
        assertThat(((Decision.Assigned) c).repId()).isEqualTo(1L);
    }

    @Test
    void tieredGivesLowGradesToRegularRepsWhenNewRepsAreFull() {
        List<RepState> reps = List.of(rep(1, "新人 小张").tier(Tier.NEW).caps(5, 5, 50).load(5, 0, 0).build(),
                rep(2, "王伟").tier(Tier.REGULAR).build(), rep(3, "李娜").tier(Tier.SENIOR).build());

        Decision d = engine.route(lead(1).score(30).build(), reps,
                rules(rule("tiered", StrategyKind.TIERED, shanghaiTeam())), new MemoryStrategyState(), WEDNESDAY);

        assertThat(((Decision.Assigned) d).repId()).isEqualTo(2L);
    }

    @Test
    void tieredFallsThroughWhenNoRepOfAnAllowedTierIsEligible() {
        List<RepState> reps = List.of(rep(1, "新人 小张").tier(Tier.NEW).build(), rep(2, "王伟").tier(Tier.REGULAR).build());

        Decision d = engine.route(lead(1).grade("A").build(), reps,
                rules(rule("tiered", StrategyKind.TIERED, shanghaiTeam())), new MemoryStrategyState(), WEDNESDAY);

        assertThat(d).isInstanceOf(Decision.Pooled.class);
        assertThat(d.explanation().rules().get(0).note().code()).isEqualTo("noRepInAllowedTiers");
    }

    static Explanation.CandidateTrace candidate(Decision d, long repId) {
        return d.explanation().rules().stream().filter(r -> r.matched()).flatMap(r -> r.candidates().stream())
                .filter(c -> c.repId() == repId).reduce((x, y) -> y).orElseThrow();
    }

    private static int longestStreak(List<Long> winners) {
        int longest = 1;
        int current = 1;
        for (int i = 1; i < winners.size(); i++) {
            current = winners.get(i).equals(winners.get(i - 1)) ? current + 1 : 1;
            longest = Math.max(longest, current);
        }
        return longest;
    }
}
