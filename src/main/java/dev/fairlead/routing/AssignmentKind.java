package dev.fairlead.routing;

/** How an assignment came about: routed on arrival, by a manager, in a bulk reassignment, by rebalancing, or after an SLA breach. */
public enum AssignmentKind {
    AUTO, MANUAL, BULK, REBALANCE,
    /** Taken from a rep who missed the first-contact SLA and routed anew without them. */
    SLA_BREACH
}
