package dev.fairlead.performance;

import dev.fairlead.performance.domain.TeamScore;
import java.util.List;

/** A team's scorecard for a period: the aggregate of its reps' (sub-teams included), each rep's card, and who has no scheme. */
public record TeamScorecard(long teamId, String teamName, String period, TeamScore score, List<RepScorecard> reps, List<String> unscored) {}
