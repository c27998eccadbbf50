package dev.fairlead.performance;

/** Why points were credited: an action the points policy pays for, or a manager's one-off award. */
public enum PointsAction {
    /** A follow-up of kind visit logged by the rep. */
    VISIT,
    /** The first contact on an assigned lead within its first-contact SLA. */
    FIRST_CONTACT,
    /** A deal of the rep's won. */
    DEAL_WON,
    /** A task of the rep's done. */
    TASK_DONE,
    /** A one-off award from a manager, with a reason. */
    AWARD;

    /** The actions the policy configures (an award's points are given with it). */
    public static final java.util.List<PointsAction> CREDITED = java.util.List.of(VISIT, FIRST_CONTACT, DEAL_WON, TASK_DONE);
}
