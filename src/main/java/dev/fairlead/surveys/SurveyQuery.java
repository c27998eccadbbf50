package dev.fairlead.surveys;

/** Filters for the survey list, all optional; always within the viewer's scope. */
public record SurveyQuery(Long dealId, Long customerId, Long repId) {}
