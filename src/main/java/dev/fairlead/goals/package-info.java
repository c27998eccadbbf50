/** Goals and quotas (F8): SMART goals, decomposition down the org tree and the calendar, suggested quotas, roll-up, pace. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "org", "deals", "leads", "work", "credit"})
package dev.fairlead.goals;
