package dev.fairlead.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeedbackSummaryTests {

    private static List<FeedbackSummary.Answer> answers(int... scores) {
        return java.util.Arrays.stream(scores).mapToObj(s -> new FeedbackSummary.Answer(s, s == 3 ? null : "c" + s)).toList();
    }

    @Test
    void fourAnswersShowNothing() {
        FeedbackSummary s = FeedbackSummary.of(answers(5, 5, 4, 1), true, new Random(1));
        assertThat(s.shown()).isFalse();
        assertThat(s.answers()).isEqualTo(4);
        assertThat(s.distribution()).isEmpty();
        assertThat(s.mean()).isNull();
        assertThat(s.comments()).isEmpty();
    }

    @Test
    void anOpenCycleShowsNothingEvenWithFive() {
        assertThat(FeedbackSummary.of(answers(1, 2, 3, 4, 5), false, new Random(1)).shown()).isFalse();
    }

    @Test
    void fiveAnswersShowTheDistributionTheMeanAndTheCommentsInSomeOrder() {
        FeedbackSummary s = FeedbackSummary.of(answers(5, 4, 4, 3, 1), true, new Random(7));
        assertThat(s.shown()).isTrue();
        assertThat(s.distribution()).containsExactly(1, 0, 1, 2, 1);
        assertThat(s.mean()).isEqualTo(3.4);
        assertThat(s.comments()).containsExactlyInAnyOrder("c5", "c4", "c4", "c1");
    }

    @Test
    void theCommentsAreShuffled() {
        List<FeedbackSummary.Answer> many = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> new FeedbackSummary.Answer(1 + i % 5, "comment " + i)).toList();
        List<String> inOrder = many.stream().map(FeedbackSummary.Answer::comment).toList();
        assertThat(FeedbackSummary.of(many, true, new Random(3)).comments()).containsExactlyInAnyOrderElementsOf(inOrder).isNotEqualTo(inOrder);
    }

    @Test
    void aScoreOutsideOneToFiveIsRefused() {
        assertThatThrownBy(() -> FeedbackSummary.of(answers(1, 2, 3, 4, 6), true, new Random(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
