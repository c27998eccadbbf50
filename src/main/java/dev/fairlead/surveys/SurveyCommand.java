package dev.fairlead.surveys;

/**
 * Send a survey about a won deal ({@code dealId}) or about a visit ({@code followUpId}, a follow-up
 * of kind visit); exactly one of them. {@code locale} {@code en} or {@code zh-CN}; null for the
 * sender's language.
 */
public record SurveyCommand(Long dealId, Long followUpId, String locale) {}
