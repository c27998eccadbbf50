package dev.fairlead.performance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ranking with ties, improvement in percent, pseudonyms and numbers stable per board and period. */
class LeaderboardMathsTests {

    static Ranking.Entry<String> e(String key, String value, String order) {
        return new Ranking.Entry<>(key, value == null ? null : new BigDecimal(value), order);
    }

    @Test
    void tiesShareARankAndTheNextRankSkipsThePlacesTheyTook() {
        List<Ranking.Ranked<String>> ranked = Ranking.rank(List.of(e("c", "300", "3"), e("a", "500", "1"), e("b", "500.00", "2"),
                e("d", "100", "4"), e("e", "300", "0")));
        assertThat(ranked).extracting(Ranking.Ranked::key).containsExactly("a", "b", "e", "c", "d");
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 1, 3, 3, 5);
    }

    @Test
    void withinATieTheOrderKeyDecidesNotTheInputOrder() {
        List<Ranking.Ranked<String>> one = Ranking.rank(List.of(e("x", "7", "b"), e("y", "7", "a")));
        List<Ranking.Ranked<String>> other = Ranking.rank(List.of(e("y", "7", "a"), e("x", "7", "b")));
        assertThat(one).extracting(Ranking.Ranked::key).containsExactly("y", "x");
        assertThat(other).extracting(Ranking.Ranked::key).containsExactly("y", "x");
        assertThat(one).extracting(Ranking.Ranked::rank).containsExactly(1, 1);
    }

    @Test
    void entriesWithoutAValueComeLastUnranked() {
        List<Ranking.Ranked<String>> ranked = Ranking.rank(List.of(e("new", null, "0"), e("a", "-10.5", "1"), e("b", "0", "2")));
        assertThat(ranked).extracting(Ranking.Ranked::key).containsExactly("b", "a", "new");
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, null);
    }

    @Test
    void nothingToRankIsAnEmptyBoard() {
        assertThat(Ranking.<String>rank(List.of())).isEmpty();
    }

    @Test
    void improvementIsThePercentChangeOnThePreviousValueRoundedHalfUp() {
        assertThat(Improvement.percentChange(new BigDecimal("40000"), new BigDecimal("50000"))).isEqualByComparingTo("25.0");
        assertThat(Improvement.percentChange(new BigDecimal("50000"), new BigDecimal("40000"))).isEqualByComparingTo("-20.0");
        assertThat(Improvement.percentChange(new BigDecimal("3"), new BigDecimal("4"))).isEqualByComparingTo("33.3");
        assertThat(Improvement.percentChange(new BigDecimal("8"), new BigDecimal("9"))).isEqualByComparingTo("12.5");
        assertThat(Improvement.percentChange(new BigDecimal("8"), new BigDecimal("7"))).isEqualByComparingTo("-12.5");
        assertThat(Improvement.percentChange(new BigDecimal("62.5"), new BigDecimal("62.5"))).isEqualByComparingTo("0.0");
        assertThat(Improvement.percentChange(new BigDecimal("10"), BigDecimal.ZERO)).isEqualByComparingTo("-100.0");
    }

    @Test
    void nothingToImproveOnIsNoDataNotAnInfiniteGain() {
        assertThat(Improvement.percentChange(BigDecimal.ZERO, new BigDecimal("5000"))).isNull();
        assertThat(Improvement.percentChange(null, new BigDecimal("5000"))).isNull();
        assertThat(Improvement.percentChange(new BigDecimal("5000"), null)).isNull();
        assertThat(Improvement.percentChange(new BigDecimal("-5"), new BigDecimal("5"))).isNull();
    }

    @Test
    void pseudonymsAndNumbersAreStablePerBoardAndPeriodAndChangeWithEither() {
        Pseudonyms pseudonyms = new Pseudonyms("a-secret-salt");
        assertThat(pseudonyms.pseudonym("REVENUE", "2026-12", 42)).isEqualTo(new Pseudonyms("a-secret-salt").pseudonym("REVENUE", "2026-12", 42));
        assertThat(pseudonyms.number("REVENUE", "2026-12", 42)).isEqualTo(pseudonyms.number("REVENUE", "2026-12", 42));
        assertThat(pseudonyms.key("REVENUE", "2026-12", 42)).isEqualTo(pseudonyms.key("REVENUE", "2026-12", 42));
        // over many reps, another period, another board or another salt gives (almost always) other keys
        int samePeriod = 0;
        int sameBoard = 0;
        int sameSalt = 0;
        Pseudonyms otherSalt = new Pseudonyms("another-salt");
        for (long id = 1; id <= 200; id++) {
            samePeriod += pseudonyms.key("REVENUE", "2026-12", id).equals(pseudonyms.key("REVENUE", "2026-11", id)) ? 1 : 0;
            sameBoard += pseudonyms.key("REVENUE", "2026-12", id).equals(pseudonyms.key("POINTS", "2026-12", id)) ? 1 : 0;
            sameSalt += pseudonyms.key("REVENUE", "2026-12", id).equals(otherSalt.key("REVENUE", "2026-12", id)) ? 1 : 0;
        }
        assertThat(samePeriod + sameBoard + sameSalt).isZero();
    }

    @Test
    void numbersHaveFourDigitsAndPseudonymsIndexTheWordLists() {
        Pseudonyms pseudonyms = new Pseudonyms("salt");
        Set<Integer> numbers = new HashSet<>();
        for (long id = 1; id <= 500; id++) {
            int n = pseudonyms.number("DEALS_WON", "2026-W49", id);
            assertThat(n).isBetween(1000, 9999);
            numbers.add(n);
            Pseudonyms.Pseudonym p = pseudonyms.pseudonym("DEALS_WON", "2026-W49", id);
            assertThat(p.adjective()).isBetween(0, Pseudonyms.WORDS - 1);
            assertThat(p.animal()).isBetween(0, Pseudonyms.WORDS - 1);
        }
        // spread over the range, not a function of the id's order: consecutive ids do not give consecutive numbers
        assertThat(numbers.size()).isGreaterThan(450);
        assertThat(pseudonyms.number("DEALS_WON", "2026-W49", 2) - pseudonyms.number("DEALS_WON", "2026-W49", 1)).isNotEqualTo(1);
    }
}
