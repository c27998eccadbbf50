package dev.fairlead.insights.domain;

/** Whether a rule's condition holds for one subject's figures. Thresholds as {@link AlertKind} describes them. */
public final class AlertChecks {

    private AlertChecks() {}

    public static boolean behindPace(Double projectedAttainment, double elapsed, double below, double minElapsed) {
        return projectedAttainment != null && elapsed >= minElapsed && projectedAttainment < below;
    }

    /** Fires only for a rep who had activity to drop from (a positive 4-week average). */
    public static boolean activityDrop(long thisWeek, long previousFourWeeks, double share) {
        double average = previousFourWeeks / 4.0;
        return average > 0 && thisWeek < share * average;
    }

    public static boolean agingLeads(long untouched, double atLeast) {
        return untouched > 0 && untouched >= atLeast;
    }

    public static boolean slaBreaches(long breaches, double atLeast) {
        return breaches > 0 && breaches >= atLeast;
    }

    public static boolean overload(long open, int capacity, double factor) {
        return open > capacity * factor;
    }

    public static boolean poolGrowth(long in, long out, double atLeast) {
        return in > out && in - out >= Math.max(1, atLeast);
    }
}
