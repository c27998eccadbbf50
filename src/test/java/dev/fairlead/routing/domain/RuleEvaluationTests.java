package dev.fairlead.routing.domain;

import static dev.fairlead.routing.domain.Fixtures.WEDNESDAY;
import static dev.fairlead.routing.domain.Fixtures.lead;
import static dev.fairlead.routing.domain.Fixtures.rep;
import static dev.fairlead.routing.domain.Fixtures.rule;
import static dev.fairlead.routing.domain.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEvaluationTests {

    private final RoutingEngine engine = RoutingEngine.explaining();

    @Test
    void conditionsCompareEqualsInPrefixRangeAndMissing() {
        LeadFacts lead = lead(1).source("REFERRAL").budget(120_000.0).score(72).build();
        assertThat(Condition.equalTo(LeadField.SOURCE, "referral").test(lead)).isTrue();
        assertThat(Condition.in(LeadField.PROVINCE, "440000", "310000").test(lead)).isTrue();
        assertThat(new Condition(LeadField.PROVINCE, Operator.NOT_IN, List.of("310000"), null, null).test(lead)).isFalse();
        assertThat(Condition.prefix(LeadField.POSTAL_CODE, "20").test(lead)).isTrue();
        assertThat(Condition.range(LeadField.BUDGET, 100_000.0, null).test(lead)).isTrue();
        assertThat(Condition.range(LeadField.SCORE, 80.0, 100.0).test(lead)).isFalse();
        assertThat(Condition.equalTo(LeadField.GRADE, "B").test(lead)).as("grade derived from score 72").isTrue();
        assertThat(new Condition(LeadField.TITLE, Operator.MISSING, List.of(), null, null).test(lead)).isFalse();
    }

    @Test
    void aLeadWithoutScoreOrGradeMatchesNoScoreConditionAndStillGetsRouted() {
        LeadFacts unscored = lead(1).build();
        assertThat(Condition.range(LeadField.SCORE, 0.0, 100.0).test(unscored)).isFalse();
        assertThat(Condition.equalTo(LeadField.GRADE, "A").test(unscored)).isFalse();
        RuleSet set = rules(rule("hot", StrategyKind.LEAST_LOADED, Fixtures.shanghaiTeam(), Condition.range(LeadField.SCORE, 80.0, null)),
                rule("rest", StrategyKind.ROUND_ROBIN, Fixtures.shanghaiTeam()));

        Decision d = engine.route(unscored, List.of(rep(1, "李娜").build()), set, new MemoryStrategyState(), WEDNESDAY);

        assertThat(((Decision.Assigned) d).ruleKey()).isEqualTo("rest");
        assertThat(d.explanation().value().probability()).isEqualTo(ValueModel.DEFAULT.baseProbability());
    }

    @Test
    void anyMatchesWhenOneConditionHoldsAllOnlyWhenEveryOneDoes() {
        LeadFacts lead = lead(1).source("EVENT").build();
        List<Condition> conditions = List.of(Condition.equalTo(LeadField.SOURCE, "EVENT"), Condition.equalTo(LeadField.INDUSTRY, "retail"));
        assertThat(new Rule("a", "a", Match.ANY, conditions, new Target.Everyone(), StrategyKind.ROUND_ROBIN, false, false, null).matches(lead)).isTrue();
        assertThat(new Rule("b", "b", Match.ALL, conditions, new Target.Everyone(), StrategyKind.ROUND_ROBIN, false, false, null).matches(lead)).isFalse();
    }

    @Test
    void fallsBackToTheNextRuleAndFinallyToThePool() {
        RepState awayInShanghai = rep(1, "李娜").away(WEDNESDAY.toLocalDate(), WEDNESDAY.toLocalDate()).build();
        RepState fullInShenzhen = rep(2, "胡军").inTeam(Fixtures.SHENZHEN_TEAM, 20L).caps(5, 5, 50).load(5, 0, 0).build();
        RepState freeInShenzhen = rep(3, "Grace Lin").inTeam(Fixtures.SHENZHEN_TEAM, 20L).build();
        RuleSet set = rules(
                rule("shanghai", StrategyKind.ROUND_ROBIN, Fixtures.shanghaiTeam()),
                rule("shenzhen", StrategyKind.LEAST_LOADED, new Target.Team(Fixtures.SHENZHEN_TEAM, false)));

        Decision second = engine.route(lead(1).build(), List.of(awayInShanghai, fullInShenzhen, freeInShenzhen), set,
                new MemoryStrategyState(), WEDNESDAY);
        Decision pooled = engine.route(lead(2).build(), List.of(awayInShanghai, fullInShenzhen), set, new MemoryStrategyState(), WEDNESDAY);

        assertThat(((Decision.Assigned) second).repId()).isEqualTo(3L);
        assertThat(second.explanation().rules().get(0).note().code()).isEqualTo("noEligibleRep");
        assertThat(pooled).isInstanceOf(Decision.Pooled.class);
        assertThat(pooled.explanation().why().code()).isEqualTo("everyRuleFellThrough");
        Explanation.CandidateTrace full = pooled.explanation().rules().get(1).candidates().get(0);
        assertThat(full.eligible()).isFalse();
        assertThat(full.exclusion().code()).isEqualTo("openCapReached");
        assertThat(full.exclusion().args()).containsExactly("5", "5");
    }

    @Test
    void poolsWhenNoRuleMatchesOrARuleSaysPool() {
        RuleSet set = rules(
                rule("partners", StrategyKind.ROUND_ROBIN, new Target.Pool(7L), Condition.equalTo(LeadField.SOURCE, "PARTNER")),
                rule("shenzhen", StrategyKind.ROUND_ROBIN, new Target.Everyone(), Condition.equalTo(LeadField.CITY, "440300")));
        List<RepState> reps = List.of(rep(1, "李娜").build());

        Decision partner = engine.route(lead(1).source("PARTNER").build(), reps, set, new MemoryStrategyState(), WEDNESDAY);
        Decision unmatched = engine.route(lead(2).build(), reps, set, new MemoryStrategyState(), WEDNESDAY);

        assertThat(((Decision.Pooled) partner).poolId()).isEqualTo(7L);
        assertThat(partner.explanation().why().code()).isEqualTo("ruleSendsToPool");
        assertThat(unmatched.explanation().why().code()).isEqualTo("noRuleMatched");
        Explanation.ConditionTrace cityCheck = unmatched.explanation().rules().get(1).conditions().get(0);
        assertThat(cityCheck.matched()).isFalse();
        assertThat(cityCheck.actual()).isEqualTo("310100");
    }

    @Test
    void teamTargetReachesSubTeamsOnlyWhenAsked() {
        RepState inSubTeam = rep(5, "Emily Chen").inTeam(12, Fixtures.SHANGHAI_TEAM, Fixtures.EAST_CHINA).build();
        assertThat(Target.covers(new Target.Team(Fixtures.SHANGHAI_TEAM, true), inSubTeam)).isTrue();
        assertThat(Target.covers(new Target.Team(Fixtures.SHANGHAI_TEAM, false), inSubTeam)).isFalse();
        assertThat(Target.covers(new Target.Reps(List.of(5L)), inSubTeam)).isTrue();
    }

    @Test
    void explanationListsEveryCandidateAndMarksTheWinner() {
        RuleSet set = rules(rule("first", StrategyKind.ROUND_ROBIN, Fixtures.shanghaiTeam(), Condition.equalTo(LeadField.SOURCE, "EVENT")),
                rule("second", StrategyKind.WEIGHTED_ROUND_ROBIN, Fixtures.shanghaiTeam()));
        List<RepState> reps = List.of(rep(1, "李娜").weight(30).build(), rep(2, "王伟").inactive().build(), rep(3, "Emily Chen").build());

        Decision d = engine.route(lead(1).build(), reps, set, new MemoryStrategyState(), WEDNESDAY);

        Explanation e = d.explanation();
        assertThat(e.outcome()).isEqualTo(Explanation.Outcome.ASSIGNED);
        assertThat(e.rules()).extracting(Explanation.RuleTrace::matched).containsExactly(false, true);
        assertThat(e.rules().get(1).candidates()).extracting(Explanation.CandidateTrace::repId).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(e.rules().get(1).candidates()).filteredOn(Explanation.CandidateTrace::winner).extracting(Explanation.CandidateTrace::repId)
                .containsExactly(1L);
        assertThat(StrategyTests.candidate(d, 1).figures()).containsEntry("weight", 30.0).containsEntry("currentWeight", 30.0);
        assertThat(e.why().code()).isEqualTo("weightedHighestCurrent");
        assertThat(((Decision.Assigned) d).updates()).anyMatch(u -> u instanceof StateUpdate.LedgerCharged);
    }
}
