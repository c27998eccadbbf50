package dev.fairlead.credit.domain;

/** What someone does to a result. */
public enum CreditAction {
    /** The owner changes the result or its split and submits it (again). */
    RESUBMIT,
    APPROVE,
    RETURN,
    CONFIRM,
    REJECT,
    REVERSE
}
