package dev.fairlead.routing.domain;

import dev.fairlead.org.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays historical leads, in the order they arrived, through a rule set with the very engine
 * the live path uses. Reps start the period with no leads; each lead they receive counts against
 * their caps until the moment it was really closed (or the end of the period), daily and monthly
 * counters roll over with the leads' arrival dates, and strategy state lives in memory. Feed leads
 * one at a time with {@link #route}, then read {@link #result}.
 */
public final class Backtest {

    private final RuleSet ruleSet;
    private final RoutingEngine engine;
    private final ZoneId zone;
    private final List<RepState> reps;
    private final Roster roster;
    private final Map<Long, Integer> index = new HashMap<>();
    private final MemoryStrategyState state = new MemoryStrategyState();
    private final Closings closings = new Closings();
    private final long[] leadsPerRep;
    private final double[] valuePerRep;
    private final double[] conversionsPerRep;
    private final Map<String, Long> perRule = new LinkedHashMap<>();
    private static final int MAX_CACHED_PAIRS = 4096;
    private final Map<String, Map<String, double[]>> conversions = new HashMap<>();
    private int cachedPairs;
    private LocalDate day;
    private long leads;
    private long pooled;
    private long capViolations;

    /**
     * When each assigned lead was really closed, soonest first: a binary min-heap over primitive
     * arrays, so that sifting compares neighbouring longs instead of chasing one object per lead.
     * Leads closing at the same moment may come out in any order (each only frees its rep's slot).
     */
    private static final class Closings {
        private long[] at = new long[1024];
        private int[] rep = new int[1024];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        long soonest() {
            return at[0];
        }

        void add(long atMillis, int repIndex) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
                rep = Arrays.copyOf(rep, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (at[parent] <= atMillis) {
                    break;
                }
                at[i] = at[parent];
                rep[i] = rep[parent];
                i = parent;
            }
            at[i] = atMillis;
            rep[i] = repIndex;
        }

        /** Removes the soonest closing and returns its rep. */
        int poll() {
            int result = rep[0];
            size--;
            long lastAt = at[size];
            int lastRep = rep[size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                if (child + 1 < size && at[child + 1] < at[child]) {
                    child++;
                }
                if (lastAt <= at[child]) {
                    break;
                }
                at[i] = at[child];
                rep[i] = rep[child];
                i = child;
            }
            at[i] = lastAt;
            rep[i] = lastRep;
            return result;
        }
    }

    public Backtest(RuleSet ruleSet, List<RepState> startingReps, ZoneId zone) {
        this.ruleSet = ruleSet;
        this.engine = new RoutingEngine(EligibilityPolicies.standard(), false);
        this.zone = zone;
        this.reps = new ArrayList<>(startingReps.size());
        for (RepState rep : startingReps) {
            index.put(rep.repId(), reps.size());
            reps.add(rep.withCounters(0, 0, 0));
        }
        roster = new Roster(reps);
        leadsPerRep = new long[reps.size()];
        valuePerRep = new double[reps.size()];
        conversionsPerRep = new double[reps.size()];
    }

    public Decision route(LeadFacts lead) {
        ZonedDateTime at = lead.createdAt().atZone(zone);
        advanceTo(at);
        Decision decision = engine.route(lead, roster, ruleSet, state, at);
        leads++;
        if (decision instanceof Decision.Assigned a) {
            state.apply(a.updates());
            int i = index.get(a.repId());
            RepState rep = reps.get(i).withOneMoreLead();
            roster.replace(i, rep);
            if (rep.openLeads() > rep.maxOpenLeads() || rep.newToday() > rep.maxNewPerDay() || rep.newThisMonth() > rep.maxNewPerMonth()) {
                capViolations++;
            }
            leadsPerRep[i]++;
            valuePerRep[i] += decision.explanation().value().expectedValue();
            conversionsPerRep[i] += expectedConversion(i, rep, lead);
            perRule.merge(a.ruleKey(), 1L, Long::sum);
            if (lead.closedAt() != null) {
                closings.add(lead.closedAt().toEpochMilli(), i);
            }
        } else {
            pooled++;
        }
        return decision;
    }

    private void advanceTo(ZonedDateTime at) {
        long now = at.toInstant().toEpochMilli();
        while (!closings.isEmpty() && closings.soonest() <= now) {
            int i = closings.poll();
            RepState r = reps.get(i);
            roster.replace(i, r.withCounters(Math.max(0, r.openLeads() - 1), r.newToday(), r.newThisMonth()));
        }
        LocalDate today = at.toLocalDate();
        if (day == null || !day.equals(today)) {
            boolean newMonth = day == null || !day.withDayOfMonth(1).equals(today.withDayOfMonth(1));
            for (int i = 0; i < reps.size(); i++) {
                RepState r = reps.get(i);
                roster.replace(i, r.withCounters(r.openLeads(), 0, newMonth ? 0 : r.newThisMonth()));
            }
            day = today;
        }
    }

    /**
     * The receiving rep's conversion in the lead's segment × skill match, as {@link BestFit} works them out;
     * they depend only on the rep's profile and the lead's industry and product, so they are worked out once
     * per such pair for all reps (up to {@link #MAX_CACHED_PAIRS} pairs; free-text values beyond are computed each time).
     */
    private double expectedConversion(int i, RepState rep, LeadFacts lead) {
        Map<String, double[]> byProduct = conversions.get(lead.industry());
        double[] perRep = byProduct == null ? null : byProduct.get(lead.productInterest());
        if (perRep == null) {
            if (cachedPairs >= MAX_CACHED_PAIRS) {
                return BestFit.conversion(rep, lead.segment()) * BestFit.skillMatch(rep, lead);
            }
            perRep = new double[reps.size()];
            String segment = lead.segment();
            for (int r = 0; r < perRep.length; r++) {
                perRep[r] = BestFit.conversion(reps.get(r), segment) * BestFit.skillMatch(reps.get(r), lead);
            }
            conversions.computeIfAbsent(lead.industry(), k -> new HashMap<>()).put(lead.productInterest(), perRep);
            cachedPairs++;
        }
        return perRep[i];
    }

    public BacktestResult result() {
        List<BacktestResult.RepOutcome> outcomes = new ArrayList<>();
        Map<Tier, List<Double>> valueByTier = new EnumMap<>(Tier.class);
        long most = 0;
        long fewest = Long.MAX_VALUE;
        int without = 0;
        double value = 0;
        double conversions = 0;
        for (int i = 0; i < reps.size(); i++) {
            RepState r = reps.get(i);
            outcomes.add(new BacktestResult.RepOutcome(r.repId(), r.name(), r.tier(), leadsPerRep[i], valuePerRep[i], conversionsPerRep[i]));
            value += valuePerRep[i];
            conversions += conversionsPerRep[i];
            if (!r.active()) {
                continue;
            }
            valueByTier.computeIfAbsent(r.tier(), t -> new ArrayList<>()).add(valuePerRep[i]);
            most = Math.max(most, leadsPerRep[i]);
            fewest = Math.min(fewest, leadsPerRep[i]);
            without += leadsPerRep[i] == 0 ? 1 : 0;
        }
        Map<Tier, Double> gini = new EnumMap<>(Tier.class);
        valueByTier.forEach((tier, values) -> gini.put(tier, Fairness.gini(values.stream().mapToDouble(Double::doubleValue).toArray())));
        Double ratio = fewest == 0 || fewest == Long.MAX_VALUE ? null : (double) most / fewest;
        return new BacktestResult(ruleSet.id(), ruleSet.version(), leads, leads - pooled, pooled, leads == 0 ? 0 : (double) pooled / leads,
                value, conversions, capViolations, ratio, without, gini, perRule, outcomes);
    }
}
