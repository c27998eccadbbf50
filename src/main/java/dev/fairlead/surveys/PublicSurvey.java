package dev.fairlead.surveys;

import java.time.Instant;

/**
 * What the public survey page may show about a survey: the company, what it is about (a deal's name,
 * or that it was a visit and when), the language, and its state; nothing internal (no amount, no notes).
 */
public record PublicSurvey(long id, boolean visit, String subjectName, Instant visitedAt, String companyName, String contactName,
        String locale, Survey.State state, Integer rating) {}
