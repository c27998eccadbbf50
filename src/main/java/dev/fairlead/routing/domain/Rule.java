package dev.fairlead.routing.domain;

import java.util.List;

/**
 * One assignment rule: when the lead matches the conditions, give it to one eligible rep of the
 * target, picked by the strategy. {@code key} is stable across versions and names the strategy's state.
 */
public record Rule(String key, String name, Match match, List<Condition> conditions, Target target,
        StrategyKind strategy, boolean requireTerritory, boolean requireSkill, StrategyParams params) {

    public Rule {
        conditions = List.copyOf(conditions);
        params = params == null ? StrategyParams.defaults() : params;
        match = match == null ? Match.ALL : match;
    }

    public boolean matches(LeadFacts lead) {
        if (conditions.isEmpty()) {
            return true;
        }
        if (match == Match.ALL) {
            for (Condition c : conditions) {
                if (!c.test(lead)) {
                    return false;
                }
            }
            return true;
        }
        for (Condition c : conditions) {
            if (c.test(lead)) {
                return true;
            }
        }
        return false;
    }

    public boolean sendsToPool() {
        return target instanceof Target.Pool;
    }
}
