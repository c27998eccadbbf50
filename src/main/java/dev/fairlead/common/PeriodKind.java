package dev.fairlead.common;

/** Calendar granularity of a {@link Period}, coarsest first. */
public enum PeriodKind {
    YEAR, QUARTER, MONTH, WEEK, DAY;

    /** True when this kind cuts time into smaller pieces than {@code other}. */
    public boolean finerThan(PeriodKind other) {
        return ordinal() > other.ordinal();
    }
}
