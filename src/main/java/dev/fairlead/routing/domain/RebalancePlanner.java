package dev.fairlead.routing.domain;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Proposes moves of open leads between reps that maximise expected conversion, solved exactly as a
 * min-cost flow with OR-Tools. Each lead flows from the source to its current owner (keep) or,
 * through the new rep's daily/monthly intake limit, to another eligible rep (move: active, not
 * out of office, territory and optionally skill match); each rep passes at most its open-lead
 * capacity and the fairness cap (guard multiple × the fair share of the leads) to the sink.
 * Value of lead i with rep r = lead's conversion probability × r's conversion in the segment × skill
 * match; a move must gain more than {@code movePenalty}, unless the owner is inactive (their
 * leads must go, gain or not). A lead whose owner is past the new caps
 * and that no one else can take stays, at a high cost, so the plan is always feasible.
 */
public final class RebalancePlanner {

    static final double SCALE = 1_000_000;
    static final long OVERFLOW_PENALTY = 1_000_000_000L;

    /** An open lead and who owns it now. */
    public record OpenLead(LeadFacts lead, long ownerRepId) {}

    public record Params(double guardMultiple, double movePenalty, boolean requireSkill) {}

    public record Move(long leadId, long fromRepId, long toRepId, double gain) {}

    /**
     * @param objectiveBefore expected conversions of the current assignment
     * @param objectiveAfter expected conversions after the moves (optimal for the model)
     * @param upperBound every lead with its best eligible rep, ignoring caps and fairness: no plan can beat it
     */
    public record Plan(List<Move> moves, double objectiveBefore, double objectiveAfter, double upperBound, int leads, int reps,
            int arcs, int fairCap) {

        /** How far the optimum under the constraints is from the unconstrained bound, as a share of the bound. */
        public double gapToUnconstrainedBound() {
            return upperBound <= 0 ? 0 : (upperBound - objectiveAfter) / upperBound;
        }
    }

    private static boolean loaded;

    private static synchronized void loadSolver() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    public Plan plan(List<OpenLead> leads, List<RepState> reps, Params params, LocalDate day) {
        loadSolver();
        int n = leads.size();
        int m = reps.size();
        Map<Long, Integer> index = new HashMap<>();
        for (int r = 0; r < m; r++) {
            index.put(reps.get(r).repId(), r);
        }
        Rule eligibilityRule = new Rule("rebalance", "rebalance", Match.ALL, List.of(), new Target.Everyone(),
                StrategyKind.LEAST_LOADED, true, params.requireSkill(), null);
        List<EligibilityPolicy> policies = List.of(EligibilityPolicies.MUST_BE_ACTIVE, EligibilityPolicies.NOT_OUT_OF_OFFICE,
                EligibilityPolicies.TERRITORY_MUST_MATCH, EligibilityPolicies.SKILL_MUST_MATCH);
        boolean[] available = new boolean[m];
        int availableCount = 0;
        for (int r = 0; r < m; r++) {
            RepState rep = reps.get(r);
            available[r] = rep.active() && !rep.outOfOfficeOn(day);
            availableCount += available[r] ? 1 : 0;
        }
        int fairCap = (int) Math.ceil(params.guardMultiple() * n / Math.max(1, availableCount));
        int[] ownedInProblem = new int[m];
        for (OpenLead l : leads) {
            ownedInProblem[index.get(l.ownerRepId())]++;
        }
        TerritoryIndex territories = new TerritoryIndex(reps);

        // nodes: 0 source, 1 sink, 2..2+n leads, then intake node and rep node per rep
        int source = 0;
        int sink = 1;
        int leadBase = 2;
        int intakeBase = leadBase + n;
        int repBase = intakeBase + m;
        MinCostFlow flow = new MinCostFlow(repBase + m, 0);
        List<int[]> leadArcs = new ArrayList<>(n);
        List<long[]> leadTargets = new ArrayList<>(n);
        double before = 0;
        double bound = 0;
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            OpenLead l = leads.get(i);
            int owner = index.get(l.ownerRepId());
            double p = ValueModel.DEFAULT.valueOf(l.lead()).probability();
            double keep = value(p, reps.get(owner), l.lead());
            before += keep;
            double best = keep;
            flow.addArcWithCapacityAndUnitCost(source, leadBase + i, 1, 0);
            List<Integer> arcs = new ArrayList<>();
            List<Long> targets = new ArrayList<>();
            arcs.add(flow.addArcWithCapacityAndUnitCost(leadBase + i, repBase + owner, 1, -Math.round(keep * SCALE)));
            targets.add(l.ownerRepId());
            arcs.add(flow.addArcWithCapacityAndUnitCost(leadBase + i, sink, 1, -Math.round(keep * SCALE) + OVERFLOW_PENALTY));
            targets.add(l.ownerRepId());
            List<Double> moveValues = new ArrayList<>();
            for (int r : territories.candidates(l.lead())) {
                if (r == owner || !available[r]
                        || !EligibilityPolicy.all(policies, reps.get(r), l.lead(), eligibilityRule, day).eligible()) {
                    continue;
                }
                double v = value(p, reps.get(r), l.lead());
                best = Math.max(best, v);
                if (reps.get(owner).active() && v - keep <= params.movePenalty()) {
                    continue;
                }
                arcs.add(flow.addArcWithCapacityAndUnitCost(leadBase + i, intakeBase + r, 1,
                        -Math.round((v - params.movePenalty()) * SCALE)));
                targets.add(reps.get(r).repId());
                moveValues.add(v);
            }
            bound += best;
            leadArcs.add(arcs.stream().mapToInt(Integer::intValue).toArray());
            leadTargets.add(targets.stream().mapToLong(Long::longValue).toArray());
            double[] vs = new double[moveValues.size() + 1];
            vs[0] = keep;
            for (int k = 0; k < moveValues.size(); k++) {
                vs[k + 1] = moveValues.get(k);
            }
            values[i] = vs;
        }
        for (int r = 0; r < m; r++) {
            RepState rep = reps.get(r);
            int intake = Math.max(0, Math.min(rep.maxNewPerDay() - rep.newToday(), rep.maxNewPerMonth() - rep.newThisMonth()));
            flow.addArcWithCapacityAndUnitCost(intakeBase + r, repBase + r, intake, 0);
            int outsideProblem = Math.max(0, rep.openLeads() - ownedInProblem[r]);
            int capacity = rep.active() ? Math.max(0, Math.min(rep.maxOpenLeads() - outsideProblem, fairCap)) : 0;
            flow.addArcWithCapacityAndUnitCost(repBase + r, sink, capacity, 0);
        }
        flow.setNodeSupply(source, n);
        flow.setNodeSupply(sink, -n);
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("Rebalancing model not solved: " + status);
        }
        List<Move> moves = new ArrayList<>();
        double after = 0;
        for (int i = 0; i < n; i++) {
            int[] arcs = leadArcs.get(i);
            for (int k = 0; k < arcs.length; k++) {
                if (flow.getFlow(arcs[k]) == 0) {
                    continue;
                }
                if (k < 2) {
                    after += values[i][0];
                } else {
                    double v = values[i][k - 1];
                    after += v;
                    moves.add(new Move(leads.get(i).lead().leadId(), leads.get(i).ownerRepId(), leadTargets.get(i)[k], v - values[i][0]));
                }
            }
        }
        int arcCount = flow.getNumArcs();
        flow.delete();
        moves.sort((a, b) -> Double.compare(b.gain(), a.gain()));
        return new Plan(moves, before, after, bound, n, m, arcCount, fairCap);
    }

    static double value(double leadProbability, RepState rep, LeadFacts lead) {
        return leadProbability * BestFit.conversion(rep, lead.segment()) * BestFit.skillMatch(rep, lead);
    }

    /** Reps by the cities and provinces they cover, so a lead only meets the reps whose territory can match it. */
    private static final class TerritoryIndex {
        private final Map<String, List<Integer>> byCity = new HashMap<>();
        private final Map<String, List<Integer>> byProvince = new HashMap<>();
        private final List<Integer> everywhereOrPostal = new ArrayList<>();

        TerritoryIndex(List<RepState> reps) {
            for (int r = 0; r < reps.size(); r++) {
                Territories t = reps.get(r).territories();
                if (t.unlimited() || !t.postalPrefixes().isEmpty()) {
                    everywhereOrPostal.add(r);
                }
                for (String c : t.cities()) {
                    byCity.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
                }
                for (String p : t.provinces()) {
                    byProvince.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
                }
            }
        }

        List<Integer> candidates(LeadFacts lead) {
            List<Integer> result = new ArrayList<>(everywhereOrPostal);
            if (lead.cityCode() != null) {
                result.addAll(byCity.getOrDefault(lead.cityCode(), List.of()));
            }
            if (lead.provinceCode() != null) {
                result.addAll(byProvince.getOrDefault(lead.provinceCode(), List.of()));
            }
            return result.stream().distinct().toList();
        }
    }
}
