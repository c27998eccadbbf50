package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Smooth weighted round robin (as in nginx): each eligible rep's current weight grows by its
 * weight; the largest wins and gives back the total. Over any run of picks with the same eligible
 * reps, each gets exactly its weight's share per cycle, spread out rather than in bursts.
 */
final class SmoothWeightedRoundRobin implements Strategy {

    @Override
    public Pick pick(Rule rule, LeadFacts lead, ValueModel.LeadValue value, List<RepState> eligible, StrategyState state,
            LocalDate day, boolean explain) {
        long total = 0;
        Map<Long, Long> current = new HashMap<>();
        RepState winner = null;
        long best = Long.MIN_VALUE;
        for (RepState rep : eligible) {
            long cw = state.currentWeight(rule.key(), rep.repId()) + rep.weight();
            current.put(rep.repId(), cw);
            total += rep.weight();
            if (cw > best || (cw == best && rep.repId() < winner.repId())) {
                best = cw;
                winner = rep;
            }
        }
        Map<Long, Map<String, Double>> figures = Strategies.figures(explain);
        if (explain) {
            for (RepState rep : eligible) {
                Strategies.put(figures, explain, rep.repId(), "weight", rep.weight(), "currentWeight", current.get(rep.repId()));
            }
        }
        current.put(winner.repId(), best - total);
        return new Pick(winner, Reason.of("weightedHighestCurrent", best, total), figures, Map.of(),
                List.of(new StateUpdate.WeightsChanged(rule.key(), current)));
    }
}
