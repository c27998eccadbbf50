package dev.fairlead.work;

/** What a bulk action on the lead list does to each selected lead. */
public enum BulkLeadAction {
    /** Give to a rep (managers): the manual assignment of the lead page. */
    ASSIGN,
    /** Give back to the pool of the owner's team, with a reason. */
    RELEASE,
    /** Close as lost, with a reason. */
    CLOSE,
    /** Add a task on the lead for its owner. */
    ADD_TASK
}
