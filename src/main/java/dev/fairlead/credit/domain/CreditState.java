package dev.fairlead.credit.domain;

/** Where a result is in its confirmation. */
public enum CreditState {
    /** Submitted by the owner, waiting for the manager. */
    SUBMITTED,
    /** Sent back by the manager with a reason; the owner corrects and submits again. */
    RETURNED,
    /** Approved by the manager, waiting for finance. */
    APPROVED,
    /** Refused by finance with a reason; the owner corrects and submits again. */
    REJECTED,
    /** Confirmed by finance: counts as revenue, never edited again. */
    CONFIRMED,
    /** Confirmed once and undone by a reversing entry (which counts the negative amounts). */
    REVERSED
}
