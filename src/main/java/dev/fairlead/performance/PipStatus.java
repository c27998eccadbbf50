package dev.fairlead.performance;

/** Where a performance improvement plan stands: running ({@code OPEN}, {@code EXTENDED}) or closed with its outcome. */
public enum PipStatus {
    OPEN, EXTENDED, PASSED, ENDED;

    public boolean running() {
        return this == OPEN || this == EXTENDED;
    }
}
