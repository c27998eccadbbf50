package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.List;

/** Picks one rep among eligible ones (never empty); null when the strategy itself finds nobody suitable. */
interface Strategy {

    Pick pick(Rule rule, LeadFacts lead, ValueModel.LeadValue value, List<RepState> eligible, StrategyState state,
            LocalDate day, boolean explain);

    static Strategy of(StrategyKind kind) {
        return switch (kind) {
            case ROUND_ROBIN -> Strategies.ROUND_ROBIN;
            case WEIGHTED_ROUND_ROBIN -> Strategies.WEIGHTED_ROUND_ROBIN;
            case LEAST_LOADED -> Strategies.LEAST_LOADED;
            case FAIRNESS_POINTS -> Strategies.FAIRNESS_POINTS;
            case BEST_FIT -> Strategies.BEST_FIT;
            case TIERED -> Strategies.TIERED;
        };
    }
}
