package dev.fairlead.routing;

/** How an assignment came about: routed on arrival, by a manager, in a bulk reassignment, or by rebalancing. */
public enum AssignmentKind {
    AUTO, MANUAL, BULK, REBALANCE
}
