package dev.fairlead.goals;

/** What a goal counts. Revenue is money (to the cent, in the reporting currency); the rest are whole counts. */
public enum GoalMetric {
    REVENUE, WON_DEALS, NEW_DEALS, NEW_CUSTOMERS, NEW_LEADS, FOLLOW_UPS, VISITS;

    public boolean money() {
        return this == REVENUE;
    }

    /** Decimal places targets and splits are rounded to: cents for money, whole numbers for counts. */
    public int scale() {
        return money() ? 2 : 0;
    }

    /** Counted by the module that records activities, through {@link ActivityCounts}. */
    public boolean activity() {
        return this == FOLLOW_UPS || this == VISITS;
    }
}
