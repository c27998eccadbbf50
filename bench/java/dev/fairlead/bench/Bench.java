package dev.fairlead.bench;

import dev.fairlead.routing.domain.Backtest;
import dev.fairlead.routing.domain.BacktestResult;
import dev.fairlead.routing.domain.LeadFacts;
import dev.fairlead.routing.domain.RebalancePlanner;
import dev.fairlead.routing.domain.RepState;
import dev.fairlead.routing.domain.RuleSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Entry point of the benchmarks: {@code engine} (JMH), {@code backtest}, {@code rebalance}. */
public final class Bench {

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "engine" : args[0];
        switch (which) {
            case "engine" -> engine();
            case "backtest" -> backtest(1_000_000, 500);
            case "rebalance" -> rebalance(100_000, 1_000);
            default -> throw new IllegalArgumentException("Unknown benchmark " + which + " (engine, backtest, rebalance)");
        }
    }

    static void engine() throws Exception {
        new Runner(new OptionsBuilder()
                .include(EngineBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(3))
                .measurementIterations(3).measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx1g")
                .build()).run();
    }

    /** 1,000,000 leads over 30 days × 500 reps × 20 rules, both explanation off (as the backtest runs). */
    static void backtest(int leadCount, int repCount) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<RepState> reps = Workload.reps(repCount, 3000, 150, 4000, 3);
        RuleSet rules = Workload.rules();
        Random random = new Random(5);
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        long spacingMillis = 30L * 24 * 3600 * 1000 / leadCount;
        List<LeadFacts> leads = new ArrayList<>(leadCount);
        for (int i = 0; i < leadCount; i++) {
            Instant at = start.plusMillis(i * spacingMillis);
            LeadFacts l = Workload.lead(i, at, random);
            Instant closed = random.nextInt(3) == 0 ? at.plusSeconds(3600L * (1 + random.nextInt(24 * 10))) : null;
            leads.add(new LeadFacts(l.leadId(), l.source(), l.company(), l.title(), l.industry(), l.companySize(), l.provinceCode(),
                    l.cityCode(), l.postalCode(), l.productInterest(), l.budget(), l.score(), l.grade(), at, closed, closed != null));
        }
        for (int run = 1; run <= 3; run++) {
            Backtest backtest = new Backtest(rules, reps, zone);
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            for (LeadFacts lead : leads) {
                backtest.route(lead);
            }
            BacktestResult r = backtest.result();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (cpu() - cpu0) / 1e9;
            System.out.printf("backtest run %d: %,d leads x %d reps x %d rules in %.2f s wall, %.2f s CPU of the routing thread"
                            + " (%,.0f leads/s wall); assigned %,d, pooled %.1f%%, cap violations %d, max/min load %s%n",
                    run, r.leads(), repCount, rules.rules().size(), seconds, cpuSeconds,
                    r.leads() / seconds, r.assigned(), r.pooledShare() * 100, r.capViolations(),
                    r.maxMinLoadRatio() == null ? "inf" : String.format("%.2f", r.maxMinLoadRatio()));
        }
    }

    /** 100,000 open leads held unevenly by 1,000 reps (50 per province); the planner's exact min-cost flow. */
    static void rebalance(int leadCount, int repCount) {
        Random random = new Random(9);
        List<RepState> base = Workload.reps(repCount, 160, 40, 800, 13);
        List<List<Integer>> byProvince = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            byProvince.add(new ArrayList<>());
        }
        for (int i = 0; i < base.size(); i++) {
            byProvince.get(i % 20).add(i);
        }
        int[] owned = new int[repCount];
        List<RebalancePlanner.OpenLead> leads = new ArrayList<>(leadCount);
        for (int i = 0; i < leadCount; i++) {
            int p = random.nextInt(20);
            LeadFacts l = Workload.lead(i, Instant.parse("2026-11-01T02:00:00Z"), random);
            LeadFacts placed = new LeadFacts(l.leadId(), l.source(), l.company(), l.title(), l.industry(), l.companySize(),
                    Workload.PROVINCES[p][0], Workload.PROVINCES[p][1], null, l.productInterest(), l.budget(), l.score(), null,
                    l.createdAt(), null, null);
            List<Integer> candidates = byProvince.get(p);
            // Skewed: the first reps of each province hold most leads.
            int owner = candidates.get((int) Math.min(candidates.size() - 1, Math.abs(random.nextGaussian()) * candidates.size() / 4));
            owned[owner]++;
            leads.add(new RebalancePlanner.OpenLead(placed, base.get(owner).repId()));
        }
        List<RepState> reps = new ArrayList<>(repCount);
        for (int i = 0; i < repCount; i++) {
            RepState r = base.get(i);
            reps.add(r.withCounters(owned[i], random.nextInt(10), random.nextInt(100)));
        }
        RebalancePlanner planner = new RebalancePlanner();
        for (int run = 1; run <= 2; run++) {
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            RebalancePlanner.Plan plan = planner.plan(leads, reps, new RebalancePlanner.Params(1.5, 0.001, false), LocalDate.of(2026, 11, 18));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("(rebalance run %d: %.2f s CPU of the calling thread)%n", run, (cpu() - cpu0) / 1e9);
            System.out.printf("rebalance run %d: %,d leads x %,d reps, %,d arcs, fair cap %d: objective %.2f -> %.2f (optimal; unconstrained"
                            + " bound %.2f, gap to it %.2f%%), %,d moves, %.2f s%n", run, plan.leads(), plan.reps(), plan.arcs(),
                    plan.fairCap(), plan.objectiveBefore(), plan.objectiveAfter(), plan.upperBound(),
                    plan.gapToUnconstrainedBound() * 100, plan.moves().size(), seconds);
        }
    }

    /** CPU time of the calling thread, so figures taken on a shared machine can be read apart from its load. */
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private Bench() {}
}
