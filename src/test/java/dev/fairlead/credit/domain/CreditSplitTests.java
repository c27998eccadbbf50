package dev.fairlead.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CreditSplitTests {

    private static final long OWNER = 7;
    private static final long HELPER = 9;

    @Test
    void theOwnerTakesAllByDefault() {
        assertThat(CreditSplit.shares(SplitPolicy.OWNER, OWNER, null, pct("60"), pct("20"), null))
                .containsExactly(new ShareRequest(OWNER, pct("100")));
    }

    @Test
    void crossRegionGivesTheOwnerSixtyAndTheHelperForty() {
        List<ShareRequest> shares = CreditSplit.shares(SplitPolicy.CROSS_REGION, OWNER, HELPER, pct("60"), pct("20"), null);
        assertThat(shares).extracting(ShareRequest::repId).containsExactly(OWNER, HELPER);
        assertThat(shares.get(1).percent()).isEqualByComparingTo("40");
        assertThat(CreditSplit.amounts(new BigDecimal("100000.01"), shares.stream().map(ShareRequest::percent).toList()))
                .containsExactly(new BigDecimal("60000.01"), new BigDecimal("40000.00"));
    }

    @Test
    void aHelpersFixedShareLeavesTheRestToTheOwner() {
        List<ShareRequest> shares = CreditSplit.shares(SplitPolicy.HELPER_FIXED, OWNER, HELPER, pct("60"), pct("20"), null);
        assertThat(shares.get(0).percent()).isEqualByComparingTo("80");
        assertThat(shares.get(1)).isEqualTo(new ShareRequest(HELPER, pct("20")));
        assertThat(CreditSplit.shares(SplitPolicy.HELPER_FIXED, OWNER, null, pct("60"), pct("20"), null)).isEmpty();
    }

    @Test
    void aThirdEachOfOneHundredGivesTheLeftOverCentToTheFirst() {
        List<BigDecimal> parts = CreditSplit.amounts(new BigDecimal("100.00"), List.of(pct("33.34"), pct("33.33"), pct("33.33")));
        assertThat(parts).containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
        assertThat(CreditSplit.amounts(new BigDecimal("0.01"), List.of(pct("50"), pct("50"))))
                .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.00"));
    }

    @Test
    void sharesMustAddUpToExactlyOneHundredPercent() {
        assertThat(CreditSplit.check(List.of(new ShareRequest(OWNER, pct("60")), new ShareRequest(HELPER, pct("39.99")))))
                .extracting(SplitProblem::field, SplitProblem::code).containsExactly(org.assertj.core.groups.Tuple.tuple("shares", "credit.shares.sum"));
        assertThat(CreditSplit.check(List.of(new ShareRequest(OWNER, pct("60")), new ShareRequest(HELPER, pct("40"))))).isEmpty();
    }

    @Test
    void refusesEmptyZeroTooPreciseAndRepeatedShares() {
        assertThat(CreditSplit.check(List.of())).extracting(SplitProblem::code).containsExactly("credit.shares.empty");
        List<SplitProblem> problems = CreditSplit.check(List.of(new ShareRequest(OWNER, pct("0")), new ShareRequest(HELPER, pct("33.333")),
                new ShareRequest(HELPER, pct("50")), new ShareRequest(3, null), new ShareRequest(4, pct("101"))));
        assertThat(problems).extracting(SplitProblem::field).containsExactly("shares[0].percent", "shares[1].percent", "shares[2].repId",
                "shares[3].percent", "shares[4].percent");
    }

    /** Property: for any amount and any valid set of shares, the money adds up to the amount to the cent, each part within a cent of its exact share. */
    @Test
    void aSplitAlwaysAddsUpToTheAmount() {
        qt().withExamples(2000).forAll(
                        longs().between(1, 99_999_999_999_999L),
                        lists().of(integers().between(1, 9_999)).ofSizeBetween(0, 11))
                .checkAssert((cents, cuts) -> {
                    BigDecimal amount = BigDecimal.valueOf(cents, 2);
                    List<BigDecimal> percents = percents(cuts);
                    List<ShareRequest> shares = new ArrayList<>();
                    for (int i = 0; i < percents.size(); i++) {
                        shares.add(new ShareRequest(i + 1, percents.get(i)));
                    }
                    assertThat(CreditSplit.check(shares)).isEmpty();
                    List<BigDecimal> parts = CreditSplit.amounts(amount, percents);
                    assertThat(parts).hasSameSizeAs(percents);
                    assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
                    for (int i = 0; i < parts.size(); i++) {
                        BigDecimal exact = amount.multiply(percents.get(i)).divide(pct("100"), 10, RoundingMode.HALF_UP);
                        assertThat(parts.get(i).subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
                        assertThat(parts.get(i).scale()).isEqualTo(2);
                    }
                });
    }

    /** Cut points in hundredths of a percent make positive shares of exactly 100.00%. */
    private static List<BigDecimal> percents(List<Integer> cuts) {
        List<BigDecimal> percents = new ArrayList<>();
        int previous = 0;
        for (int cut : new TreeSet<>(cuts)) {
            percents.add(BigDecimal.valueOf(cut - previous, 2));
            previous = cut;
        }
        percents.add(BigDecimal.valueOf(10_000 - previous, 2));
        return percents;
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
