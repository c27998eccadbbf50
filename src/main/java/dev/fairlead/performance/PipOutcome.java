package dev.fairlead.performance;

/** How a plan is concluded: passed, extended to a later end date (it keeps running), or ended unmet. */
public enum PipOutcome {
    PASSED, EXTENDED, ENDED
}
