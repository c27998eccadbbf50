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
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Replays historical leads, in the order they arrived, through a rule set with the very engine
 * the live path uses. Reps start the period with no leads; each lead they receive counts against
 * their caps until the moment it was really closed (or the end of the period), daily and monthly
 * counters roll over with the leads' arrival dates, and strategy state lives in memory. Feed leads
 * one at a time with {@link #route}, then read {@link #result}.
 *
 * <p>With a {@link RepCalendar}, working hours count as they do live: each decision sees the reps as
 * the calendar has them at the lead's arrival, and a lead that fell through only because the reps
 * who could take it were off waits, in arrival order, for the first of them to start work, and is
 * routed then (before any lead that arrived later). Statuses are worked out once per minute of
 * arrival, the granularity of working hours.
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

    /** A lead at most this often held again after it waited; then it goes where the decision sends it. */
    static final int MAX_WAITS = 8;
    private final RepCalendar calendar;
    private final RoutingEngine explaining;
    private final RepState[] base;
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>();
    private long waitingSequence;
    private long waited;
    private long statusMinute = Long.MIN_VALUE;

    /** A lead waiting for working hours: routed at {@code at}; those due at the same moment in arrival order. */
    private record Waiting(long at, long sequence, LeadFacts lead, int waits) implements Comparable<Waiting> {
        @Override
        public int compareTo(Waiting o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(sequence, o.sequence);
        }
    }

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

    /** A backtest where reps work at any hour of their working days (no calendars). */
    public Backtest(RuleSet ruleSet, List<RepState> startingReps, ZoneId zone) {
        this(ruleSet, startingReps, zone, null);
    }

    /** A backtest that follows {@code calendar}'s working hours (none when null). */
    public Backtest(RuleSet ruleSet, List<RepState> startingReps, ZoneId zone, RepCalendar calendar) {
        this.ruleSet = ruleSet;
        this.engine = new RoutingEngine(EligibilityPolicies.standard(), false);
        this.explaining = calendar == null ? null : RoutingEngine.explaining();
        this.calendar = calendar;
        this.zone = zone;
        this.reps = new ArrayList<>(startingReps.size());
        for (RepState rep : startingReps) {
            index.put(rep.repId(), reps.size());
            reps.add(rep.withCounters(0, 0, 0));
        }
        this.base = reps.toArray(new RepState[0]);
        roster = new Roster(reps);
        leadsPerRep = new long[reps.size()];
        valuePerRep = new double[reps.size()];
        conversionsPerRep = new double[reps.size()];
    }

    /** Routes the next historical lead (leads come in arrival order), after the waiting leads due by then. */
    public Decision route(LeadFacts lead) {
        leads++;
        routeWaitingUntil(lead.createdAt().toEpochMilli());
        return decide(lead, lead.createdAt(), 0);
    }

    private void routeWaitingUntil(long millis) {
        while (!waiting.isEmpty() && waiting.peek().at() <= millis) {
            Waiting w = waiting.poll();
            decide(w.lead(), Instant.ofEpochMilli(w.at()), w.waits());
        }
    }

    private Decision decide(LeadFacts lead, Instant when, int waits) {
        ZonedDateTime at = when.atZone(zone);
        advanceTo(at);
        Decision decision = engine.route(lead, roster, ruleSet, state, at);
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
            return decision;
        }
        Optional<RepCalendar.Hold> hold = waits < MAX_WAITS ? holdFor(lead, at) : Optional.empty();
        if (hold.isPresent() && hold.get().routeAfter().isAfter(when)) {
            waited += waits == 0 ? 1 : 0;
            waiting.add(new Waiting(hold.get().routeAfter().toEpochMilli(), waitingSequence++, lead, waits + 1));
        } else {
            pooled++;
        }
        return decision;
    }

    /** The hold the live path would give a lead that fell through: decided again with the trace that says who was off. */
    private Optional<RepCalendar.Hold> holdFor(LeadFacts lead, ZonedDateTime at) {
        if (calendar == null) {
            return Optional.empty();
        }
        return calendar.hold(explaining.route(lead, roster, ruleSet, state, at), reps, at.toInstant());
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
        long minute = Math.floorDiv(now, 60_000L);
        if (calendar != null && minute != statusMinute) {
            statusMinute = minute;
            for (int i = 0; i < reps.size(); i++) {
                RepState r = reps.get(i);
                roster.reset(i, calendar.atWork(base[i].withCounters(r.openLeads(), r.newToday(), r.newThisMonth()), at));
            }
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

    /** What the rule set did with the leads so far; leads still waiting for working hours are routed first, when they would be. */
    public BacktestResult result() {
        routeWaitingUntil(Long.MAX_VALUE);
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
        return new BacktestResult(ruleSet.id(), ruleSet.version(), leads, leads - pooled, pooled, leads == 0 ? 0 : (double) pooled / leads, waited,
                value, conversions, capViolations, ratio, without, gini, perRule, outcomes);
    }
}
