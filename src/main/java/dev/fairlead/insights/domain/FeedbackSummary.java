package dev.fairlead.insights.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What the fairness feedback of a group shows (decision 0603): nothing below {@link #MINIMUM_GROUP}
 * answers; from there the count of each score 1–5, the mean, and the comments in a random order
 * (so their order says nothing about who wrote them or when).
 */
public record FeedbackSummary(int answers, boolean shown, List<Integer> distribution, Double mean, List<String> comments) {

    public static final int MINIMUM_GROUP = 5;

    public record Answer(int score, String comment) {}

    /** {@code mayShow}: the cycle is closed; results of an open cycle would tell each later answer by difference. */
    public static FeedbackSummary of(List<Answer> answers, boolean mayShow, Random random) {
        int n = answers.size();
        if (n < MINIMUM_GROUP || !mayShow) {
            return new FeedbackSummary(n, false, List.of(), null, List.of());
        }
        Integer[] counts = {0, 0, 0, 0, 0};
        long sum = 0;
        List<String> comments = new ArrayList<>();
        for (Answer a : answers) {
            if (a.score() < 1 || a.score() > 5) {
                throw new IllegalArgumentException("a score is 1 to 5: " + a.score());
            }
            counts[a.score() - 1]++;
            sum += a.score();
            if (a.comment() != null && !a.comment().isBlank()) {
                comments.add(a.comment());
            }
        }
        Collections.shuffle(comments, random);
        return new FeedbackSummary(n, true, List.of(counts), (double) sum / n, List.copyOf(comments));
    }
}
