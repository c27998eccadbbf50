package dev.fairlead.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleScoringTests {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    private static Criterion criterion(String id, CriterionGroup group, CriterionKind kind, int points, String... values) {
        return new Criterion(id, group, kind, id, List.of(values), null, null, null, null, points);
    }

    private static final RuleSet RULES = new RuleSet(List.of(
            criterion("industry", CriterionGroup.FIT, CriterionKind.INDUSTRY_IN, 15, "制造业", "Retail"),
            criterion("large", CriterionGroup.FIT, CriterionKind.COMPANY_SIZE_IN, 15, "LARGE", "ENTERPRISE"),
            new Criterion("budget", CriterionGroup.NEED, CriterionKind.BUDGET_RANGE, "budget", List.of(), new BigDecimal("500000"),
                    null, null, null, 20),
            new Criterion("pricing", CriterionGroup.BEHAVIOUR, CriterionKind.BEHAVIOUR, "pricing", List.of("PRICING_VISIT"), null,
                    null, 30, 2, 5),
            criterion("boss", CriterionGroup.AUTHORITY, CriterionKind.TITLE_CONTAINS, 20, "总监", "Director"),
            criterion("student", CriterionGroup.AUTHORITY, CriterionKind.TITLE_CONTAINS, -30, "学生")),
            70, 50, 30);

    private static LeadFacts lead(String industry, String size, String title, String budget, List<LeadFacts.Event> events) {
        return new LeadFacts("API", industry, size, title, null, budget == null ? null : new BigDecimal(budget), "310000", "310100", events);
    }

    @Test
    void addsThePointsOfEveryMatchingCriterionWithItsContribution() {
        ScoreCard card = RuleScoring.score(lead("retail", "LARGE", "Sales Director", "800000", List.of()), RULES, NOW);

        assertThat(card.score()).isEqualTo(70);
        assertThat(card.grade()).isEqualTo("A");
        assertThat(card.contributions()).extracting(ScoreCard.Contribution::criterionId, ScoreCard.Contribution::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("industry", 15), org.assertj.core.groups.Tuple.tuple("large", 15),
                        org.assertj.core.groups.Tuple.tuple("budget", 20), org.assertj.core.groups.Tuple.tuple("boss", 20));
    }

    @Test
    void countsRecentBehaviourUpToItsMaximumAndIgnoresOldEvents() {
        List<LeadFacts.Event> events = List.of(
                new LeadFacts.Event("PRICING_VISIT", NOW.minus(Duration.ofDays(1))),
                new LeadFacts.Event("PRICING_VISIT", NOW.minus(Duration.ofDays(2))),
                new LeadFacts.Event("PRICING_VISIT", NOW.minus(Duration.ofDays(3))),
                new LeadFacts.Event("PRICING_VISIT", NOW.minus(Duration.ofDays(40))));

        ScoreCard card = RuleScoring.score(lead(null, null, null, null, events), RULES, NOW);

        assertThat(card.contributions()).singleElement().satisfies(c -> {
            assertThat(c.points()).isEqualTo(10);
            assertThat(c.matched()).isEqualTo("2×");
        });
    }

    @Test
    void keepsTheScoreWithinZeroToHundredAndGradesByThresholds() {
        assertThat(RuleScoring.score(lead(null, null, "学生", null, List.of()), RULES, NOW).score()).isZero();
        assertThat(RuleScoring.score(lead(null, null, "学生", null, List.of()), RULES, NOW).grade()).isEqualTo("D");
        assertThat(RULES.grade(50)).isEqualTo("B");
        assertThat(RULES.grade(49)).isEqualTo("C");
        assertThat(RULES.grade(29)).isEqualTo("D");
    }

    @Test
    void budgetRangeIncludesItsMinimumAndExcludesItsMaximum() {
        RuleSet mid = new RuleSet(List.of(new Criterion("mid", CriterionGroup.NEED, CriterionKind.BUDGET_RANGE, "mid", List.of(),
                new BigDecimal("100000"), new BigDecimal("500000"), null, null, 10)), 70, 50, 30);

        assertThat(RuleScoring.score(lead(null, null, null, "100000", List.of()), mid, NOW).score()).isEqualTo(10);
        assertThat(RuleScoring.score(lead(null, null, null, "500000", List.of()), mid, NOW).score()).isZero();
    }

    @Test
    void matchesTextIgnoringWidthAndCase() {
        RuleSet rules = new RuleSet(List.of(criterion("boss", CriterionGroup.AUTHORITY, CriterionKind.TITLE_CONTAINS, 20, "ceo")), 70, 50, 30);

        assertThat(RuleScoring.score(lead(null, null, "ＣＥＯ 兼创始人", null, List.of()), rules, NOW).score()).isEqualTo(20);
    }
}
