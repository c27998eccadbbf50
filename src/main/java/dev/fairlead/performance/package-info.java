/**
 * Performance (F9, first slice): KPI schemes per rep tier and period kind, versioned draft → active
 * with rollback; scorecards per rep and team computed from the recorded work, frozen when a period
 * is closed; simulation of a draft on last period. The maths is in {@code domain}; see decision 0501.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "org", "deals", "leads", "work", "goals", "credit", "surveys"})
package dev.fairlead.performance;
