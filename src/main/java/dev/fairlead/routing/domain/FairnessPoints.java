package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 积分制: the eligible rep with the fewest fairness points this period wins; a lead costs more points
 * the higher its expected value, so whoever got a valuable lead waits longer for the next one.
 * Last period's points still count with the rule's decay factor (0: a fresh start each period).
 */
final class FairnessPoints implements Strategy {

    @Override
    public Pick pick(Rule rule, LeadFacts lead, ValueModel.LeadValue value, List<RepState> eligible, StrategyState state,
            LocalDate day, boolean explain) {
        PeriodKind period = rule.params().period();
        LocalDate start = period.start(day);
        LocalDate previous = period.previousStart(day);
        double decay = rule.params().decay();
        Map<Long, Map<String, Double>> figures = Strategies.figures(explain);
        RepState winner = null;
        double best = 0;
        for (RepState rep : eligible) {
            double now = state.points(rep.repId(), period, start);
            double carried = decay == 0 ? 0 : decay * state.points(rep.repId(), period, previous);
            double points = now + carried;
            if (explain) {
                Strategies.put(figures, explain, rep.repId(), "points", Strategies.round(now, 2),
                        "carriedPoints", Strategies.round(carried, 2), "countedPoints", Strategies.round(points, 2));
            }
            if (Strategies.better(points, rep, best, winner)) {
                best = points;
                winner = rep;
            }
        }
        return new Pick(winner, Reason.of("fewestPoints", Strategies.round(best, 2), value.points()), figures, Map.of(), List.of());
    }
}
