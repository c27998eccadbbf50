/**
 * Customer satisfaction surveys (F9, issue 9): after a won deal or a logged visit a rep sends the
 * customer contact a public, single-use, expiring link (1–5 stars and a comment, no login); the
 * answer lands on the customer, the deal and the rep, feeds the performance module's satisfaction
 * metric and is published as {@link dev.fairlead.surveys.SurveyAnswered}. See decision 0504.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "org", "deals", "leads", "work", "notify"})
package dev.fairlead.surveys;
