package dev.fairlead.routing.domain;

import static dev.fairlead.routing.domain.Fixtures.WEDNESDAY;
import static dev.fairlead.routing.domain.Fixtures.lead;
import static dev.fairlead.routing.domain.Fixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.org.Tier;
import dev.fairlead.routing.persistence.ExplanationCodec;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compact explanations (decision 0215) read back exactly as the engine wrote them, given the rule
 * set's rules and the reps' names, and take a fraction of the full form's bytes.
 */
class ExplanationCodecTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ExplanationCodec codec = new ExplanationCodec(json);

    /** Thirty reps in Shanghai, a few in other tiers, two at their daily cap, one not working Wednesdays, one away. */
    private static List<RepState> thirtyReps() {
        List<RepState> reps = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            Fixtures.Rep r = rep(1000 + i, "销售 " + i).weight(i % 3 + 1);
            if (i % 7 == 0) {
                r.tier(Tier.SENIOR);
            }
            if (i == 5 || i == 6) {
                r.caps(100, 2, 100).load(2, 2, 2);
            }
            if (i == 9) {
                r.works(DayOfWeek.MONDAY);
            }
            if (i > 24) {
                r.cities("440300");
            }
            reps.add(r.build());
        }
        return reps;
    }

    private static RuleSet ruleSet() {
        return new RuleSet(7, 3, List.of(
                new Rule("big", "大单 least loaded", Match.ALL, List.of(Condition.range(LeadField.BUDGET, 500_000.0, null)),
                        Fixtures.shanghaiTeam(), StrategyKind.LEAST_LOADED, false, false, StrategyParams.defaults()),
                new Rule("rest", "其余 weighted", Match.ALL, List.of(Condition.in(LeadField.CITY, "310100", "310200")),
                        Fixtures.shanghaiTeam(), StrategyKind.WEIGHTED_ROUND_ROBIN, true, false, StrategyParams.defaults())),
                ValueModel.DEFAULT);
    }

    private ExplanationCodec.Facts facts(RuleSet ruleSet, List<RepState> reps) {
        Map<Long, String> names = new HashMap<>();
        reps.forEach(r -> names.put(r.repId(), r.name()));
        List<ExplanationCodec.RuleInfo> rules = ruleSet.rules().stream()
                .map(r -> new ExplanationCodec.RuleInfo(r.key(), r.name(), r.strategy(), r.conditions())).toList();
        return new ExplanationCodec.Facts() {
            @Override
            public List<ExplanationCodec.RuleInfo> rules(long ruleSetId) {
                return ruleSetId == ruleSet.id() ? rules : List.of();
            }

            @Override
            public String repName(long repId) {
                return names.get(repId);
            }
        };
    }

    @Test
    void anAssignmentAmongThirtyRepsReadsBackExactlyInAFractionOfTheBytes() {
        List<RepState> reps = thirtyReps();
        RuleSet ruleSet = ruleSet();
        Decision decision = RoutingEngine.explaining().route(lead(1).budget(80_000.0).score(72).build(), reps, ruleSet,
                new MemoryStrategyState(), WEDNESDAY);
        Explanation e = decision.explanation();
        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        assertThat(e.rules().get(1).candidates()).hasSize(30).anyMatch(c -> !c.eligible() && "territoryMustMatch".equals(c.policy()));

        String stored = codec.encode(e, ExplanationCodec.headerOf(e));

        assertThat(codec.isCompact(stored)).isTrue();
        assertThat(codec.decode(stored, ExplanationCodec.headerOf(e), facts(ruleSet, reps))).isEqualTo(e);
        assertThat(codec.repIds(stored)).hasSize(30);
        int full = json.writeValueAsString(e).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int compact = stored.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(compact).as("compact %d bytes against %d in full", compact, full).isLessThan(full / 8).isLessThan(600);
    }

    @Test
    void pooledAndWaitingDecisionsAndEveryStrategyReadBackExactly() {
        List<RepState> reps = thirtyReps();
        for (StrategyKind strategy : StrategyKind.values()) {
            RuleSet ruleSet = new RuleSet(9, 1, List.of(new Rule("only", "唯一规则", Match.ALL, List.of(), Fixtures.shanghaiTeam(),
                    strategy, true, false, StrategyParams.defaults())), ValueModel.DEFAULT);
            MemoryStrategyState state = new MemoryStrategyState();
            for (int i = 0; i < 3; i++) {
                Decision d = RoutingEngine.explaining().route(lead(i).budget(30_000.0 * (i + 1)).build(), reps, ruleSet, state, WEDNESDAY);
                if (d instanceof Decision.Assigned a) {
                    state.apply(a.updates());
                }
                String stored = codec.encode(d.explanation(), ExplanationCodec.headerOf(d.explanation()));
                assertThat(codec.decode(stored, ExplanationCodec.headerOf(d.explanation()), facts(ruleSet, reps))).as(strategy.name()).isEqualTo(d.explanation());
                assertThat(codec.isCompact(stored)).as(strategy.name()).isTrue();
            }
        }
        RuleSet ruleSet = ruleSet();
        List<RepState> offDuty = reps.stream().map(r -> r.atWork(DayOfWeek.WEDNESDAY, Reason.of("outsideHours", "09:00", "18:00"))).toList();
        Decision pooled = RoutingEngine.explaining().route(lead(5).build(), offDuty, ruleSet, new MemoryStrategyState(), WEDNESDAY);
        assertThat(pooled).isInstanceOf(Decision.Pooled.class);
        Explanation p = pooled.explanation();
        Explanation waiting = new Explanation(p.ruleSetId(), p.ruleSetVersion(), p.value(), p.rules(), Explanation.Outcome.WAITING, null,
                null, Reason.of("waitingForWorkingHours", "2026-11-19T01:00:00Z", 24));
        for (Explanation e : List.of(p, waiting)) {
            String stored = codec.encode(e, ExplanationCodec.headerOf(e));
            assertThat(codec.isCompact(stored)).isTrue();
            assertThat(codec.decode(stored, ExplanationCodec.headerOf(e), facts(ruleSet, reps))).isEqualTo(e);
        }
    }

    @Test
    void theFullFormOfOlderRowsIsReadAsItWasAndAnExplanationTheCompactFormCannotCarryIsStoredInFull() {
        List<RepState> reps = thirtyReps();
        RuleSet ruleSet = ruleSet();
        Explanation e = RoutingEngine.explaining().route(lead(1).build(), reps, ruleSet, new MemoryStrategyState(), WEDNESDAY).explanation();
        String old = json.writeValueAsString(e);
        assertThat(codec.isCompact(old)).isFalse();
        assertThat(codec.decode(old, ExplanationCodec.headerOf(e), facts(ruleSet, List.of()))).as("old rows carry their own names").isEqualTo(e);
        assertThat(codec.repIds(old)).hasSize(30);

        // Candidates out of rep-id order cannot be told apart from the groups: stored in full, read the same.
        Explanation.RuleTrace rule = e.rules().get(1);
        List<Explanation.CandidateTrace> reversed = new ArrayList<>(rule.candidates());
        java.util.Collections.reverse(reversed);
        Explanation odd = new Explanation(e.ruleSetId(), e.ruleSetVersion(), e.value(), List.of(e.rules().get(0),
                new Explanation.RuleTrace(rule.key(), rule.name(), rule.strategy(), rule.matched(), rule.conditions(), reversed, rule.note())),
                e.outcome(), e.winnerRepId(), e.ruleKey(), e.why());
        String stored = codec.encode(odd, ExplanationCodec.headerOf(odd));
        assertThat(codec.isCompact(stored)).isFalse();
        assertThat(codec.decode(stored, ExplanationCodec.headerOf(odd), facts(ruleSet, reps))).isEqualTo(odd);
        assertThat(codec.encode(null, null)).isNull();
    }
}
