package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The rep with the lowest load ratio: (open leads + task workload points as leads) ÷ open-lead capacity. */
final class LeastLoaded implements Strategy {

    @Override
    public Pick pick(Rule rule, LeadFacts lead, ValueModel.LeadValue value, List<RepState> eligible, StrategyState state,
            LocalDate day, boolean explain) {
        Map<Long, Map<String, Double>> figures = Strategies.figures(explain);
        RepState winner = null;
        double best = 0;
        for (RepState rep : eligible) {
            double ratio = ratio(rep, rule.params().workloadPointsPerLead());
            if (explain) {
                Strategies.put(figures, explain, rep.repId(), "openLeads", rep.openLeads(), "workloadPoints", rep.workloadPoints(),
                        "capacity", rep.maxOpenLeads(), "loadRatio", Strategies.round(ratio, 4));
            }
            if (Strategies.better(ratio, rep, best, winner)) {
                best = ratio;
                winner = rep;
            }
        }
        return new Pick(winner, Reason.of("lowestLoad", Strategies.round(best, 4)), figures, Map.of(), List.of());
    }

    static double ratio(RepState rep, double workloadPointsPerLead) {
        return (rep.openLeads() + rep.workloadPoints() / workloadPointsPerLead) / Math.max(1, rep.maxOpenLeads());
    }
}
