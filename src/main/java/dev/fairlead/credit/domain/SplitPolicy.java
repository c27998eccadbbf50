package dev.fairlead.credit.domain;

/** How a result's credit is shared among reps. */
public enum SplitPolicy {
    /** The deal's owner takes all of it. */
    OWNER,
    /** Owner and one helper from another region, the owner's share (60%) and the rest (40%). */
    CROSS_REGION,
    /** One helper takes a fixed share (20%), the owner the rest. */
    HELPER_FIXED,
    /** Shares as entered, adding up to 100%. */
    MANUAL
}
