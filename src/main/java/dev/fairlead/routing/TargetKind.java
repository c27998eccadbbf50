package dev.fairlead.routing;

/** Who a rule gives its leads to: every rep, a team (optionally with sub-teams), named reps, or a pool. */
public enum TargetKind {
    EVERYONE, TEAM, REPS, POOL
}
