package dev.fairlead.pool;

/** Why a lead changed hands, as the move history shows it. */
public enum MoveCause {
    /** Routing or a manager gave it an owner. */
    ASSIGNED,
    /** Routing found nobody eligible (or another module pooled it). */
    POOLED,
    RELEASED,
    RECOVERED,
    CLAIMED,
    /** A manager assigned it straight from the pool. */
    POOL_ASSIGNED,
    /** The first-contact SLA was breached and the lead was taken back. */
    SLA_BREACH
}
