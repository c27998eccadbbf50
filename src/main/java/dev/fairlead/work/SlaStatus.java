package dev.fairlead.work;

public enum SlaStatus {
    /** Waiting for the owner's first contact. */
    RUNNING,
    /** First contact in time. */
    MET,
    /** No first contact in time; escalated. */
    BREACHED,
    /** The lead left the owner before the deadline. */
    CANCELLED
}
