package dev.fairlead.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.org.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplanationSummaryTests {

    private static final ValueModel.LeadValue VALUE = new ValueModel.LeadValue(0.2, 24000, 1.5);

    @Test
    void countsTheOthersOfTheDecidingRuleByReasonLargestGroupFirst() {
        List<Explanation.CandidateTrace> candidates = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < 2; i++) {
            candidates.add(excluded(id++, "notWorkingDay", "SATURDAY"));
        }
        for (int i = 0; i < 24; i++) {
            candidates.add(excluded(id++, "outsideTerritory", "310100"));
        }
        for (int i = 0; i < 3; i++) {
            candidates.add(excluded(id++, "dailyCapReached", String.valueOf(5), "5"));
        }
        candidates.add(winner(id++, "李娜"));
        candidates.add(eligible(id, "王伟", null));
        Explanation e = assigned(List.of(matched("east", candidates, null)), "east", Reason.of("fewestPoints", 12.5, 1.5));

        ExplanationSummary s = ExplanationSummary.of(e);

        assertThat(s.winnerName()).isEqualTo("李娜");
        assertThat(s.why().code()).isEqualTo("fewestPoints");
        assertThat(s.qualities()).extracting(Reason::code).containsExactly("inTerritory");
        assertThat(s.others()).containsExactly(
                new ExplanationSummary.Group("outsideTerritory", 24, List.of("310100")),
                new ExplanationSummary.Group("dailyCapReached", 3, List.of("5", "5")),
                new ExplanationSummary.Group("notWorkingDay", 2, List.of("SATURDAY")),
                new ExplanationSummary.Group(ExplanationSummary.NOT_PICKED, 1, List.of()));
        assertThat(s.rulesFellThrough()).isZero();
    }

    @Test
    void onlyTheDecidingRuleCountsAndEarlierMatchedRulesAreCountedAsFallenThrough() {
        Explanation.RuleTrace skipped = new Explanation.RuleTrace("vip", "VIP", StrategyKind.ROUND_ROBIN, false, List.of(), List.of(),
                Reason.of("conditionsNotMet"));
        Explanation.RuleTrace empty = matched("key", List.of(excluded(1, "openCapReached", "10", "10"),
                excluded(2, "openCapReached", "10", "10")), Reason.of("noEligibleRep", 2));
        Explanation.RuleTrace deciding = matched("team", List.of(excluded(1, "openCapReached", "10", "10"), winner(3, "赵敏"),
                eligible(4, "周杰", Reason.of("aboveFairShare", 0.4, 0.3))), null);
        ExplanationSummary s = ExplanationSummary.of(assigned(List.of(skipped, empty, deciding), "team", Reason.of("bestFit", 0.7)));

        assertThat(s.winnerName()).isEqualTo("赵敏");
        assertThat(s.rulesFellThrough()).isEqualTo(1);
        assertThat(s.qualities()).as("no territory or skill exclusions, so nothing to contrast").isEmpty();
        assertThat(s.others()).containsExactly(new ExplanationSummary.Group("openCapReached", 1, List.of("10", "10")),
                new ExplanationSummary.Group("aboveFairShare", 1, List.of("0.4", "0.3")));
    }

    @Test
    void aPooledLeadCountsEveryRepAnyMatchedRuleConsideredOnceByTheFirstReason() {
        Explanation.RuleTrace first = matched("a", List.of(excluded(1, "notWorkingDay", "SATURDAY"), excluded(2, "notWorkingDay", "SATURDAY"),
                excluded(3, "dailyCapReached", "5", "5")), Reason.of("noEligibleRep", 3));
        Explanation.RuleTrace second = matched("b", List.of(excluded(1, "notWorkingDay", "SATURDAY"), excluded(3, "outsideTerritory", "310100"),
                excluded(4, "dailyCapReached", "8", "8")), Reason.of("noEligibleRep", 3));
        Explanation e = new Explanation(1, 1, VALUE, List.of(first, second), Explanation.Outcome.POOLED, null, null,
                Reason.of("everyRuleFellThrough"));

        ExplanationSummary s = ExplanationSummary.of(e);

        assertThat(s.winnerName()).isNull();
        assertThat(s.rulesFellThrough()).isEqualTo(2);
        assertThat(s.others()).containsExactly(new ExplanationSummary.Group("notWorkingDay", 2, List.of("SATURDAY")),
                new ExplanationSummary.Group("dailyCapReached", 2, List.of("5", "5")));
    }

    @Test
    void aLeadNoRuleMatchedHasNobodyToCount() {
        Explanation e = new Explanation(1, 1, VALUE, List.of(new Explanation.RuleTrace("a", "A", StrategyKind.ROUND_ROBIN, false,
                List.of(), List.of(), Reason.of("conditionsNotMet"))), Explanation.Outcome.POOLED, null, null, Reason.of("noRuleMatched"));
        ExplanationSummary s = ExplanationSummary.of(e);
        assertThat(s.others()).isEmpty();
        assertThat(s.why().code()).isEqualTo("noRuleMatched");
    }

    static Explanation assigned(List<Explanation.RuleTrace> rules, String ruleKey, Reason why) {
        Long winner = rules.stream().flatMap(r -> r.candidates().stream()).filter(Explanation.CandidateTrace::winner)
                .map(Explanation.CandidateTrace::repId).findFirst().orElseThrow();
        return new Explanation(1, 1, VALUE, rules, Explanation.Outcome.ASSIGNED, winner, ruleKey, why);
    }

    static Explanation.RuleTrace matched(String key, List<Explanation.CandidateTrace> candidates, Reason note) {
        return new Explanation.RuleTrace(key, key, StrategyKind.FAIRNESS_POINTS, true, List.of(), candidates, note);
    }

    static Explanation.CandidateTrace excluded(long id, String code, String... args) {
        return new Explanation.CandidateTrace(id, "rep " + id, Tier.REGULAR, false, "policy", new Reason(code, List.of(args)), Map.of(),
                null, false);
    }

    static Explanation.CandidateTrace eligible(long id, String name, Reason note) {
        return new Explanation.CandidateTrace(id, name, Tier.REGULAR, true, null, null, Map.of("points", 20.0), note, false);
    }

    static Explanation.CandidateTrace winner(long id, String name) {
        return new Explanation.CandidateTrace(id, name, Tier.REGULAR, true, null, null, Map.of("points", 12.5), null, true);
    }
}
