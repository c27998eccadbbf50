package dev.fairlead.work;

/** The Eisenhower matrix: important × urgent decides what to do first. */
public enum Quadrant {
    /** Important and urgent: do it now. */
    DO_FIRST,
    /** Important, not urgent: plan it. */
    SCHEDULE,
    /** Urgent, not important: hand it off or keep it short. */
    DELEGATE,
    /** Neither: drop it or do it last. */
    ELIMINATE;

    public static Quadrant of(boolean important, boolean urgent) {
        if (important) {
            return urgent ? DO_FIRST : SCHEDULE;
        }
        return urgent ? DELEGATE : ELIMINATE;
    }

    public boolean important() {
        return this == DO_FIRST || this == SCHEDULE;
    }

    public boolean urgent() {
        return this == DO_FIRST || this == DELEGATE;
    }
}
