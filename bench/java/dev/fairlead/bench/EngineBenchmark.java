package dev.fairlead.bench;

import dev.fairlead.routing.domain.Decision;
import dev.fairlead.routing.domain.EligibilityPolicies;
import dev.fairlead.routing.domain.LeadFacts;
import dev.fairlead.routing.domain.MemoryStrategyState;
import dev.fairlead.routing.domain.RepState;
import dev.fairlead.routing.domain.RoutingEngine;
import dev.fairlead.routing.domain.Rule;
import dev.fairlead.routing.domain.RuleSet;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.routing.domain.Target;
import dev.fairlead.routing.domain.ValueModel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decisions per second of the pure engine: 50 candidate reps (one team), 20 rules of which the
 * first 19 test conditions the leads mostly fail, so every decision walks the whole rule list and
 * then weighs all 50 reps with the last rule's strategy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    @Param({"WEIGHTED_ROUND_ROBIN", "FAIRNESS_POINTS", "BEST_FIT"})
    String strategy;

    @Param({"true", "false"})
    boolean explain;

    private RoutingEngine engine;
    private List<RepState> reps;
    private RuleSet ruleSet;
    private MemoryStrategyState state;
    private LeadFacts[] leads;
    private ZonedDateTime at;
    private int next;

    @Setup
    public void setUp() {
        engine = new RoutingEngine(EligibilityPolicies.standard(), explain);
        List<RepState> all = Workload.reps(1000, 1000, 1000, 10000, 7);
        reps = new ArrayList<>();
        for (RepState r : all) {
            if (r.teamId() == 100 && reps.size() < 50) {
                reps.add(r);
            }
        }
        while (reps.size() < 50) {
            RepState r = all.get(reps.size());
            reps.add(new RepState(10_000 + reps.size(), r.name(), 100, List.of(100L, 10L, 1L), r.tier(), r.industries(), r.products(),
                    r.weight(), r.maxOpenLeads(), r.maxNewPerDay(), r.maxNewPerMonth(), r.workingDays(), r.absences(), r.territories(),
                    true, 0, 0, 0, r.workloadPoints(), r.history()));
        }
        List<Rule> rules = new ArrayList<>(Workload.rules().rules().subList(0, 19));
        rules.add(Workload.rule("last", new Target.Team(100, true), StrategyKind.valueOf(strategy), false,
                dev.fairlead.routing.domain.Match.ALL));
        ruleSet = new RuleSet(1, 1, rules, ValueModel.DEFAULT);
        state = new MemoryStrategyState();
        Random random = new Random(11);
        leads = new LeadFacts[1024];
        for (int i = 0; i < leads.length; i++) {
            LeadFacts l = Workload.lead(i, Instant.parse("2026-11-18T02:00:00Z"), random);
            // Outside the 16 province rules' provinces, not a partner, rarely grade A: falls to the last rule.
            leads[i] = new LeadFacts(l.leadId(), "WEB_FORM", l.company(), l.title(), "retail", l.companySize(), "210000", "210100",
                    null, l.productInterest(), l.budget(), Math.min(l.score(), 79), null, l.createdAt(), null, null);
        }
        at = ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"));
    }

    @Benchmark
    public Decision route() {
        LeadFacts lead = leads[next++ & 1023];
        Decision d = engine.route(lead, reps, ruleSet, state, at);
        if (d instanceof Decision.Assigned a) {
            state.apply(a.updates());
        }
        return d;
    }
}
