/**
 * Credit (F9): a won deal's result split among reps by a policy or by hand, submitted by the owner,
 * approved by the owner team's manager and confirmed by finance; only confirmed credit is revenue
 * for scorecards and goals ({@link dev.fairlead.credit.ConfirmedCredit}). Decision 0502.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "org", "deals", "notify"})
package dev.fairlead.credit;
