package dev.fairlead.routing.domain;

/** How a rule picks one rep among the eligible ones. */
public enum StrategyKind {
    ROUND_ROBIN, WEIGHTED_ROUND_ROBIN, LEAST_LOADED, FAIRNESS_POINTS, BEST_FIT, TIERED
}
