package dev.fairlead.insights;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.fairlead.insights.domain.FeedbackSummary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Anonymous fairness feedback (decision 0603) as the API takes and returns it. */
public final class Feedback {

    private Feedback() {}

    /** Opens a cycle asking the reps of the team (and below) about the period; answers are taken until {@code closesOn} (default: period end + 7 days). */
    public record OpenCycle(@NotNull Long teamId, @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd, LocalDate closesOn) {}

    /** A rep's answer: how fair was lead assignment, 1 (not at all) to 5 (entirely), and an optional comment. */
    public record Answer(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 1000) String comment) {}

    /**
     * A cycle. {@code answered}: for a rep, whether they have answered (null for others); {@code open}: answers are
     * still taken (today is on or before {@code closesOn}). {@code answers} is how many there are, never who.
     */
    public record Cycle(long id, long teamId, String teamName, LocalDate periodStart, LocalDate periodEnd, LocalDate closesOn,
            boolean open, long answers, Boolean answered, String openedBy, Instant openedAt, String link) {}

    /**
     * The results of a cycle, shown (distribution of scores 1–5, mean, comments in random order) only once the
     * cycle has closed and only with at least {@code minimumGroup} answers; {@code hiddenBecause} OPEN or TOO_FEW
     * otherwise. Beside them the fairness of assignment in the cycle's period for the same team.
     */
    @Schema(name = "FeedbackResults")
    public record Results(Cycle cycle, int minimumGroup, boolean shown, String hiddenBecause, List<Integer> distribution, Double mean,
            List<String> comments, Figures.Fairness fairness) {

        static Results of(Cycle cycle, FeedbackSummary summary, Figures.Fairness fairness) {
            String hidden = summary.shown() ? null : cycle.open() ? "OPEN" : "TOO_FEW";
            return new Results(cycle, FeedbackSummary.MINIMUM_GROUP, summary.shown(), hidden, summary.distribution(), summary.mean(),
                    summary.comments(), fairness);
        }
    }
}
