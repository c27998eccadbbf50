package dev.fairlead.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaSuggestionTests {

    @Test
    void carriesTheTrendOnAndAppliesSeasonality() {
        QuotaSuggestion.Suggestion s = QuotaSuggestion.suggest(new QuotaSuggestion.Inputs(
                List.of(bd("100000"), bd("110000"), bd("120000"), bd("130000")), bd("150000"), bd("125000"),
                null, null, null, 2));
        assertThat(s.trend()).isEqualByComparingTo("140000");
        assertThat(s.seasonalityIndex()).isEqualByComparingTo("1.2");
        assertThat(s.historyBased()).isEqualByComparingTo("168000");
        assertThat(s.value()).isEqualByComparingTo("168000");
        assertThat(s.weights()).containsOnlyKeys("history");
    }

    @Test
    void blendsHistoryPipelineAndPotentialAndShowsEveryFigure() {
        QuotaSuggestion.Suggestion s = QuotaSuggestion.suggest(new QuotaSuggestion.Inputs(
                List.of(bd("100000"), bd("100000")), null, null, bd("80000"), bd("0.25"), bd("600000"), 2));
        assertThat(s.historyBased()).isEqualByComparingTo("100000");
        assertThat(s.pipelineBased()).isEqualByComparingTo("80000");
        assertThat(s.potentialBased()).isEqualByComparingTo("150000");
        // 0.5 × 100000 + 0.3 × 80000 + 0.2 × 150000
        assertThat(s.value()).isEqualByComparingTo("104000");
    }

    @Test
    void aFallingTrendNeverSuggestsLessThanZero() {
        QuotaSuggestion.Suggestion s = QuotaSuggestion.suggest(new QuotaSuggestion.Inputs(
                List.of(bd("30"), bd("10"), bd("0")), null, null, null, null, null, 0));
        assertThat(s.value()).isEqualByComparingTo("0");
    }

    @Test
    void withoutAnyDataTheSuggestionIsZeroAndSaysSo() {
        QuotaSuggestion.Suggestion s = QuotaSuggestion.suggest(new QuotaSuggestion.Inputs(List.of(), null, null, null, null, null, 0));
        assertThat(s.value()).isEqualByComparingTo("0");
        assertThat(s.weights()).isEmpty();
    }

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }
}
