package dev.fairlead.work;

public enum TaskStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    /** Open and in-progress tasks are still to do and count towards the owner's workload. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
