/**
 * Insights (F10): dashboards of where the period stands (progress against goal and pace, funnel, lead
 * aging, workload, fairness of assignment, SLA compliance, pool flows), figured by SQL over the other
 * modules' tables on every read, and alerts raised by per-team rules, de-duplicated, delivered through
 * notify, acknowledged or snoozed, and closed by themselves when the condition clears.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "org", "audit", "notify", "goals",
        "deals", "routing :: engine", "performance"})
package dev.fairlead.insights;
