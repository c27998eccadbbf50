package dev.fairlead.scoring.domain;

import java.util.List;

/** The criteria and the grade thresholds: A at or above {@code gradeA}, B at or above {@code gradeB}, C at or above {@code gradeC}, else D. */
public record RuleSet(List<Criterion> criteria, int gradeA, int gradeB, int gradeC) {

    public RuleSet {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public String grade(int score) {
        if (score >= gradeA) {
            return "A";
        } else if (score >= gradeB) {
            return "B";
        } else if (score >= gradeC) {
            return "C";
        }
        return "D";
    }
}
