package dev.fairlead.performance;

/** How a check-in finds the rep against the plan's goals. */
public enum PipProgress {
    ON_TRACK, AT_RISK, OFF_TRACK
}
