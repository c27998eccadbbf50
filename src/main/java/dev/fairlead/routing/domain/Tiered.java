package dev.fairlead.routing.domain;

import dev.fairlead.org.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * By the lead's grade, only some tiers and in order of preference (e.g. A → key-account and
 * senior reps only; C/D → new reps first, then regular). The first group with an eligible rep is
 * used, and within it the least loaded rep wins. Ungraded leads may go to every tier.
 */
final class Tiered implements Strategy {

    @Override
    public Pick pick(Rule rule, LeadFacts lead, ValueModel.LeadValue value, List<RepState> eligible, StrategyState state,
            LocalDate day, boolean explain) {
        String grade = lead.effectiveGrade();
        List<List<Tier>> groups = grade == null ? null : rule.params().tierGroups().get(grade);
        if (groups == null || groups.isEmpty()) {
            groups = List.of(List.of(Tier.values()));
        }
        Map<Long, Reason> notes = explain ? new HashMap<>() : Map.of();
        for (int g = 0; g < groups.size(); g++) {
            List<Tier> tiers = groups.get(g);
            List<RepState> inGroup = new ArrayList<>();
            for (RepState rep : eligible) {
                if (tiers.contains(rep.tier())) {
                    inGroup.add(rep);
                }
            }
            if (inGroup.isEmpty()) {
                continue;
            }
            Pick within = Strategies.LEAST_LOADED.pick(rule, lead, value, inGroup, state, day, explain);
            if (explain) {
                for (RepState rep : eligible) {
                    if (!tiers.contains(rep.tier())) {
                        notes.put(rep.repId(), Reason.of("tierNotPreferred", rep.tier(), grade == null ? "-" : grade, tiers));
                    }
                }
            }
            Reason why = Reason.of("tierGroup", grade == null ? "-" : grade, tiers, within.why().args().get(0));
            return new Pick(within.winner(), why, within.figures(), notes, within.updates());
        }
        return null;
    }
}
