package dev.fairlead.performance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringTests {

    static Dimension linear(Metric metric, int weight, String target, String cap) {
        return new Dimension(metric, weight, new Targets(null, bd(target), null), false, CurveKind.LINEAR, bd(cap), List.of(), null);
    }

    static Dimension steps(Metric metric, int weight, String target, String... atPays) {
        List<Step> steps = new java.util.ArrayList<>();
        for (String s : atPays) {
            String[] p = s.split(":");
            steps.add(new Step(bd(p[0]), bd(p[1])));
        }
        return new Dimension(metric, weight, new Targets(null, bd(target), null), false, CurveKind.STEPS, null, steps, null);
    }

    static Dimension gated(Dimension d, String base, String below, String cap) {
        return new Dimension(d.metric(), d.weight(), new Targets(bd(base), d.targets().target(), d.targets().stretch()), false,
                d.curve(), d.capPercent(), d.steps(), new Gate(bd(below), bd(cap)));
    }

    @Test
    void weightsMustAddUpToAHundred() {
        List<FieldProblem> problems = SchemeRules.check(List.of(linear(Metric.VISITS, 30, "10", "100"), linear(Metric.DEALS_WON, 60, "2", "100")));
        assertThat(problems).extracting(FieldProblem::code).containsExactly("performance.scheme.weights");
        assertThat(problems.get(0).args()).containsExactly(90);
        assertThat(SchemeRules.check(List.of(linear(Metric.VISITS, 40, "10", "100"), linear(Metric.DEALS_WON, 60, "2", "100")))).isEmpty();
    }

    @Test
    void refusesRepeatedMetricsMissingTargetsBadCurvesAndGates() {
        Dimension noTarget = new Dimension(Metric.VISITS, 50, new Targets(null, null, null), false, CurveKind.LINEAR, bd("100"), List.of(), null);
        Dimension repeated = linear(Metric.VISITS, 20, "10", "90");
        Dimension unordered = steps(Metric.SLA_KEPT, 20, "90", "100:50", "80:100");
        Dimension badGate = new Dimension(Metric.REVENUE, 10, new Targets(bd("200"), bd("100"), null), false, CurveKind.LINEAR,
                bd("120"), List.of(), new Gate(bd("0"), bd("100")));
        assertThat(SchemeRules.check(List.of(noTarget, repeated, unordered, badGate))).extracting(FieldProblem::field).containsExactly(
                "dimensions[0].targets.target", "dimensions[1].metric", "dimensions[1].capPercent",
                "dimensions[2].steps[1].atPercent", "dimensions[3].targets.base", "dimensions[3].gate.belowPercent",
                "dimensions[3].gate.capScore");
        assertThat(SchemeRules.check(List.of(linear(Metric.SLA_KEPT, 100, "101", "100")))).extracting(FieldProblem::code)
                .containsExactly("performance.dimension.percent");
        assertThat(SchemeRules.check(List.of(linear(Metric.VISITS, 100, "2.5", "100")))).extracting(FieldProblem::code)
                .containsExactly("performance.dimension.tier");
    }

    @Test
    void goalTargetsOnlyForMetricsGoalsHave() {
        Dimension d = new Dimension(Metric.WIN_RATE, 100, new Targets(null, bd("30"), null), true, CurveKind.LINEAR, bd("100"), List.of(), null);
        assertThat(SchemeRules.check(List.of(d))).extracting(FieldProblem::code).containsExactly("performance.dimension.noGoals");
    }

    @Test
    void linearPaysAttainmentUpToTheCap() {
        Dimension visits = linear(Metric.VISITS, 40, "10", "120");
        assertThat(one(visits, Measured.count(7)).points()).isEqualByComparingTo("28.0");
        assertThat(one(visits, Measured.count(11)).points()).isEqualByComparingTo("44.0");
        assertThat(one(visits, Measured.count(30)).points()).isEqualByComparingTo("48.0");
        assertThat(one(visits, Measured.count(30)).attainment()).isEqualByComparingTo("300.0");
        assertThat(one(visits, Measured.count(30)).paidPercent()).isEqualByComparingTo("120.0");
    }

    @Test
    void stepsPayTheHighestThresholdReachedAndNothingBelowTheFirst() {
        Dimension sla = steps(Metric.SLA_KEPT, 20, "90", "80:50", "100:100", "110:120");
        assertThat(one(sla, Measured.share(6, 10)).points()).isEqualByComparingTo("0.0"); // 60% of 90 = 66.7% attainment
        assertThat(one(sla, Measured.share(72, 100)).points()).isEqualByComparingTo("10.0"); // exactly 80% of target
        assertThat(one(sla, Measured.share(9, 10)).points()).isEqualByComparingTo("20.0");
        assertThat(one(sla, Measured.share(10, 10)).points()).isEqualByComparingTo("24.0"); // 111%
    }

    @Test
    void aFailedGateCapsTheWholeScorecard() {
        Dimension revenue = gated(linear(Metric.REVENUE, 50, "100000", "150"), "80000", "60", "60");
        Dimension visits = linear(Metric.VISITS, 50, "10", "150");
        Map<Metric, Measured> actuals = Map.of(Metric.REVENUE, Measured.amount(bd("47000")), Metric.VISITS, Measured.count(15));
        Scorecard card = Scoring.score(List.of(revenue, visits), actuals, Set.of());
        // 47,000 < 60% of base 80,000 = 48,000: the 23.5 + 75.0 = 98.5 points are capped at 60
        assertThat(card.sum()).isEqualByComparingTo("98.5");
        assertThat(card.total()).isEqualByComparingTo("60.0");
        assertThat(card.gatedBy()).isEqualTo(Metric.REVENUE);
        assertThat(card.dimensions().get(0).gateFailed()).isTrue();
        // reaching the line lifts the cap: 48,000 → 24.0 + 75.0
        Hint hint = card.dimensions().get(0).hint();
        assertThat(hint.kind()).isEqualTo(Hint.Kind.GATE);
        assertThat(hint.more()).isEqualByComparingTo("1000.00");
        assertThat(hint.gain()).isEqualByComparingTo("39.0");
        assertThat(card.next()).isEqualTo(hint);
        // visits are at their cap already and, while the gate holds, more of anything else gains nothing
        assertThat(card.dimensions().get(1).hint()).isNull();

        Scorecard passed = Scoring.score(List.of(revenue, visits), Map.of(Metric.REVENUE, Measured.amount(bd("48000")),
                Metric.VISITS, Measured.count(15)), Set.of());
        assertThat(passed.gatedBy()).isNull();
        assertThat(passed.total()).isEqualByComparingTo("99.0");
    }

    @Test
    void aFailedGateUnderItsCapLowersNothingAndItsHintAimsPastTheGate() {
        Dimension revenue = gated(linear(Metric.REVENUE, 50, "100000", "100"), "80000", "60", "60");
        Scorecard card = Scoring.score(List.of(revenue, linear(Metric.VISITS, 50, "10", "100")),
                Map.of(Metric.REVENUE, Measured.amount(bd("40000")), Metric.VISITS, Measured.count(2)), Set.of());
        // 20.0 + 10.0 = 30.0 is below the cap of 60: the gate failed but lowered nothing
        assertThat(card.dimensions().get(0).gateFailed()).isTrue();
        assertThat(card.gatedBy()).isNull();
        assertThat(card.gateCap()).isNull();
        assertThat(card.total()).isEqualByComparingTo("30.0");
        // reaching the gate line (48,000) gains what the curve pays for it, not a lifted cap
        Hint hint = card.dimensions().get(0).hint();
        assertThat(hint.kind()).isEqualTo(Hint.Kind.GATE);
        assertThat(hint.gain()).isEqualByComparingTo("4.0");
    }

    @Test
    void theHintNamesTheNearestThresholdAndWhatItIsWorth() {
        Dimension visits = steps(Metric.VISITS, 20, "10", "50:40", "80:80", "100:100");
        Dimension deals = linear(Metric.DEALS_WON, 80, "4", "100");
        Scorecard card = Scoring.score(List.of(visits, deals), Map.of(Metric.VISITS, Measured.count(5), Metric.DEALS_WON, Measured.count(4)), Set.of());
        Hint hint = card.dimensions().get(0).hint();
        // 5 visits of 10 reach the 50% step (8 points); 3 more reach 80% → 16 points: "3 more visits → +8 points"
        assertThat(hint.kind()).isEqualTo(Hint.Kind.STEP);
        assertThat(hint.more()).isEqualByComparingTo("3");
        assertThat(hint.reach()).isEqualByComparingTo("8");
        assertThat(hint.gain()).isEqualByComparingTo("8.0");
        assertThat(card.dimensions().get(1).hint()).isNull(); // deals at the target, which is also the cap
        assertThat(card.next()).isEqualTo(hint);
    }

    @Test
    void aLinearHintAimsAtTheTargetThenTheCapAndRoundsUpToWholeUnits() {
        Dimension visits = linear(Metric.VISITS, 100, "7", "150");
        Hint toTarget = one(visits, Measured.count(3)).hint();
        assertThat(toTarget.kind()).isEqualTo(Hint.Kind.TARGET);
        assertThat(toTarget.more()).isEqualByComparingTo("4");
        assertThat(toTarget.gain()).isEqualByComparingTo("57.1"); // 42.9 → 100.0
        Hint toCap = one(visits, Measured.count(8)).hint();
        assertThat(toCap.kind()).isEqualTo(Hint.Kind.CAP);
        assertThat(toCap.reach()).isEqualByComparingTo("11"); // 150% of 7 = 10.5, so 11 visits
        assertThat(toCap.gain()).isEqualByComparingTo("35.7"); // 114.3 → 150.0
    }

    @Test
    void aPercentageWithNothingToCountScoresNothingAndFailsNoGate() {
        Dimension sla = gated(steps(Metric.SLA_KEPT, 100, "90", "100:100"), "80", "50", "40");
        DimensionScore s = one(sla, Measured.share(0, 0));
        assertThat(s.actual().hasValue()).isFalse();
        assertThat(s.points()).isEqualByComparingTo("0.0");
        assertThat(s.gateFailed()).isFalse();
        assertThat(s.hint()).isNull();
    }

    @Test
    void pointsAreRoundedHalfUpPerDimensionAndTheSumAddsTheRoundedPoints() {
        // 1/3 of 10 visits at weight 35 = 11.666… → 11.7; 2/3 of 3 deals at weight 65 = 43.333… → 43.3
        Scorecard card = Scoring.score(List.of(linear(Metric.VISITS, 35, "3", "100"), linear(Metric.DEALS_WON, 65, "3", "100")),
                Map.of(Metric.VISITS, Measured.count(1), Metric.DEALS_WON, Measured.count(2)), Set.of());
        assertThat(card.dimensions()).extracting(DimensionScore::points).containsExactly(bd("11.7"), bd("43.3"));
        assertThat(card.total()).isEqualByComparingTo("55.0");
        assertThat(card.dimensions().get(0).attainment()).isEqualByComparingTo("33.3");
        assertThat(Measured.share(2, 3).value()).isEqualByComparingTo("66.7");
        // 0.25 of weight 10 = 2.5 exactly; 0.05 of weight 1 = 0.05 → 0.1 (half up)
        assertThat(one(linear(Metric.VISITS, 10, "4", "100"), Measured.count(1)).points()).isEqualByComparingTo("2.5");
        assertThat(one(linear(Metric.VISITS, 1, "20", "100"), Measured.count(1)).points()).isEqualByComparingTo("0.1");
    }

    @Test
    void aTeamIsTheMeanOfItsReps() {
        TeamScore team = TeamScore.of(List.of(bd("60.0"), bd("75.5"), bd("90.0")));
        assertThat(team.mean()).isEqualByComparingTo("75.2");
        assertThat(team.lowest()).isEqualByComparingTo("60.0");
        assertThat(team.highest()).isEqualByComparingTo("90.0");
        assertThat(TeamScore.of(List.of()).mean()).isNull();
    }

    private static DimensionScore one(Dimension d, Measured actual) {
        return Scoring.score(List.of(d), Map.of(d.metric(), actual), Set.of()).dimensions().get(0);
    }

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
