package dev.fairlead.surveys;

import java.time.Instant;

/** A customer answered a satisfaction survey (for points and leaderboards); {@code dealId}/{@code customerId} may be null. */
public record SurveyAnswered(long surveyId, long repId, Long dealId, Long customerId, int rating, Instant at) {}
