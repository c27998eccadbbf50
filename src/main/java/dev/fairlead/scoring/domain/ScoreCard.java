package dev.fairlead.scoring.domain;

import java.util.List;

/** A lead's score (0–100), grade, and what each matching criterion contributed (before the 0–100 bounds). */
public record ScoreCard(int score, String grade, List<Contribution> contributions) {

    public record Contribution(String criterionId, CriterionGroup group, String label, int points, String matched) {}
}
