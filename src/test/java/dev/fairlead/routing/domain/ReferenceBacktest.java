package dev.fairlead.routing.domain;

import dev.fairlead.org.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The backtest as it was before it was optimised, kept only as the reference the optimised
 * {@link Backtest} must agree with lead for lead: immutable rep states replaced on every change, a
 * priority queue of closing objects, the map-based strategy state, and the engine in its explaining
 * mode, where every candidate of every target goes through the full chain of eligibility policies
 * one by one, among reps given afresh for each decision as the live path gives them.
 */
final class ReferenceBacktest {

    private final RuleSet ruleSet;
    private final RoutingEngine engine;
    private final ZoneId zone;
    private final List<RepState> reps;
    private final Map<Long, Integer> index = new HashMap<>();
    private final ReferenceStrategyState state = new ReferenceStrategyState();
    private final PriorityQueue<Closing> closings = new PriorityQueue<>();
    private final long[] leadsPerRep;
    private final double[] valuePerRep;
    private final double[] conversionsPerRep;
    private final Map<String, Long> perRule = new LinkedHashMap<>();
    private LocalDate day;
    private long leads;
    private long pooled;
    private long capViolations;

    private record Closing(long atMillis, int rep) implements Comparable<Closing> {
        @Override
        public int compareTo(Closing o) {
            return Long.compare(atMillis, o.atMillis);
        }
    }

    ReferenceBacktest(RuleSet ruleSet, List<RepState> startingReps, ZoneId zone) {
        this.ruleSet = ruleSet;
        this.engine = RoutingEngine.explaining();
        this.zone = zone;
        this.reps = new ArrayList<>(startingReps.size());
        for (RepState rep : startingReps) {
            index.put(rep.repId(), reps.size());
            reps.add(rep.withCounters(0, 0, 0));
        }
        leadsPerRep = new long[reps.size()];
        valuePerRep = new double[reps.size()];
        conversionsPerRep = new double[reps.size()];
    }

    public Decision route(LeadFacts lead) {
        ZonedDateTime at = lead.createdAt().atZone(zone);
        advanceTo(at);
        Decision decision = engine.route(lead, List.copyOf(reps), ruleSet, state, at);
        leads++;
        if (decision instanceof Decision.Assigned a) {
            state.apply(a.updates());
            int i = index.get(a.repId());
            RepState rep = reps.get(i).withOneMoreLead();
            reps.set(i, rep);
            if (rep.openLeads() > rep.maxOpenLeads() || rep.newToday() > rep.maxNewPerDay() || rep.newThisMonth() > rep.maxNewPerMonth()) {
                capViolations++;
            }
            leadsPerRep[i]++;
            valuePerRep[i] += decision.explanation().value().expectedValue();
            conversionsPerRep[i] += BestFit.conversion(rep, lead.segment()) * BestFit.skillMatch(rep, lead);
            perRule.merge(a.ruleKey(), 1L, Long::sum);
            if (lead.closedAt() != null) {
                closings.add(new Closing(lead.closedAt().toEpochMilli(), i));
            }
        } else {
            pooled++;
        }
        return decision;
    }

    private void advanceTo(ZonedDateTime at) {
        long now = at.toInstant().toEpochMilli();
        while (!closings.isEmpty() && closings.peek().atMillis() <= now) {
            int i = closings.poll().rep();
            RepState r = reps.get(i);
            reps.set(i, r.withCounters(Math.max(0, r.openLeads() - 1), r.newToday(), r.newThisMonth()));
        }
        LocalDate today = at.toLocalDate();
        if (day == null || !day.equals(today)) {
            boolean newMonth = day == null || !day.withDayOfMonth(1).equals(today.withDayOfMonth(1));
            for (int i = 0; i < reps.size(); i++) {
                RepState r = reps.get(i);
                reps.set(i, r.withCounters(r.openLeads(), 0, newMonth ? 0 : r.newThisMonth()));
            }
            day = today;
        }
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
        return new BacktestResult(ruleSet.id(), ruleSet.version(), leads, leads - pooled, pooled, leads == 0 ? 0 : (double) pooled / leads, 0,
                value, conversions, capViolations, ratio, without, gini, perRule, outcomes);
    }
}
