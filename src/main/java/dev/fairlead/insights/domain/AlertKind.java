package dev.fairlead.insights.domain;

/**
 * What an alert rule watches, and what its two thresholds mean.
 * <ul>
 *   <li>BEHIND_PACE: a rep's goal projects below {@code threshold} (share of target) with at least {@code threshold2} of the period gone;
 *   <li>ACTIVITY_DROP: a rep's follow-ups in the last 7 days below {@code threshold} (share) of their weekly average over the 4 weeks before;
 *   <li>AGING_LEADS: a rep holds at least {@code threshold} open leads untouched for {@code threshold2} days or more;
 *   <li>SLA_BREACHES: at least {@code threshold} first-contact breaches of a rep in the last {@code threshold2} days;
 *   <li>OVERLOAD: a rep's open leads above {@code threshold} times their capacity (1 = above capacity);
 *   <li>POOL_GROWTH: a pool took in at least {@code threshold} more leads than were claimed out of it in the last 7 days.
 * </ul>
 */
public enum AlertKind {
    BEHIND_PACE("goalId", "metric", "target", "actual", "projected", "projectedAttainmentPercent", "elapsedPercent"),
    ACTIVITY_DROP("followUpsThisWeek", "weeklyAverage"),
    AGING_LEADS("untouchedLeads", "days"),
    SLA_BREACHES("breaches", "days"),
    OVERLOAD("openLeads", "capacity"),
    POOL_GROWTH("inLast7Days", "claimedLast7Days");

    private final java.util.List<String> figures;

    AlertKind(String... figures) {
        this.figures = java.util.List.of(figures);
    }

    /** The names of the figures an alert of this kind carries, in the order its messages use them. */
    public java.util.List<String> figures() {
        return figures;
    }

    public boolean aboutPool() {
        return this == POOL_GROWTH;
    }
}
