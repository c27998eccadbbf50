package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The next eligible rep after the one picked last (by rep id, wrapping around). */
final class RoundRobin implements Strategy {

    @Override
    public Pick pick(Rule rule, LeadFacts lead, ValueModel.LeadValue value, List<RepState> eligible, StrategyState state,
            LocalDate day, boolean explain) {
        Long last = state.lastPicked(rule.key());
        RepState first = null;
        RepState next = null;
        for (RepState rep : eligible) {
            if (first == null || rep.repId() < first.repId()) {
                first = rep;
            }
            if (last != null && rep.repId() > last && (next == null || rep.repId() < next.repId())) {
                next = rep;
            }
        }
        RepState winner = next != null ? next : first;
        Map<Long, Map<String, Double>> figures = Strategies.figures(explain);
        if (explain) {
            for (RepState rep : eligible) {
                Strategies.put(figures, explain, rep.repId(), "position", rep.repId());
            }
        }
        Reason why = last == null ? Reason.of("roundRobinFirst") : Reason.of("roundRobinNext", last);
        return new Pick(winner, why, figures, Map.of(), List.of(new StateUpdate.PointerMoved(rule.key(), winner.repId())));
    }
}
