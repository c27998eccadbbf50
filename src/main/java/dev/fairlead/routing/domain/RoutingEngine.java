package dev.fairlead.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The assignment engine: a function from (lead, reps, rule set, strategy state, time) to a
 * decision with its explanation. Rules are tried in order; a rule that matches gives the lead to
 * one eligible rep of its target picked by its strategy, or falls through to the next rule when
 * nobody is eligible; after the last rule the lead goes to the pool. It reads no clock, database
 * or framework, so the live path and the backtest run the very same code.
 *
 * <p>{@code reps} should be ordered by rep id. With {@code explain} false (backtests of millions
 * of leads) the decision carries only the outcome, not the per-rule and per-candidate trace, and
 * with the standard policies eligibility is then tested in one pass without building exclusion
 * reasons, among only the reps that cover the lead's territory when the rule requires it and the
 * roster is indexed. Both ways admit exactly the same reps in the same order, so the decision is
 * the same (see {@code FastPathEquivalenceTests}).
 */
public final class RoutingEngine {

    private final List<EligibilityPolicy> policies;
    private final boolean explain;
    private final boolean quickEligibility;

    public RoutingEngine(List<EligibilityPolicy> policies, boolean explain) {
        this.policies = List.copyOf(policies);
        this.explain = explain;
        this.quickEligibility = !explain && this.policies.equals(EligibilityPolicies.standard());
    }

    /** The standard policies, explaining every decision. */
    public static RoutingEngine explaining() {
        return new RoutingEngine(EligibilityPolicies.standard(), true);
    }

    public Decision route(LeadFacts lead, List<RepState> reps, RuleSet ruleSet, StrategyState state, ZonedDateTime at) {
        return route(lead, Roster.forOneDecision(reps), ruleSet, state, at);
    }

    /** The same, among a roster that remembers which reps each target covers (for many decisions over the same reps). */
    public Decision route(LeadFacts lead, Roster reps, RuleSet ruleSet, StrategyState state, ZonedDateTime at) {
        LocalDate day = at.toLocalDate();
        ValueModel.LeadValue value = ruleSet.valueModel().valueOf(lead);
        List<Explanation.RuleTrace> traces = explain ? new ArrayList<>() : List.of();
        boolean anyMatched = false;
        boolean skillsKnown = false;
        String industry = null;
        String product = null;
        for (Rule rule : ruleSet.rules()) {
            if (!rule.matches(lead)) {
                if (explain) {
                    traces.add(new Explanation.RuleTrace(rule.key(), rule.name(), rule.strategy(), false, conditions(rule, lead),
                            List.of(), Reason.of("conditionsNotMet")));
                }
                continue;
            }
            anyMatched = true;
            if (rule.target() instanceof Target.Pool pool) {
                if (explain) {
                    traces.add(new Explanation.RuleTrace(rule.key(), rule.name(), rule.strategy(), true, conditions(rule, lead),
                            List.of(), null));
                }
                Reason why = Reason.of("ruleSendsToPool", rule.name());
                return new Decision.Pooled(pool.poolId(), explanation(ruleSet, value, traces, null, rule.key(), why));
            }
            List<RepState> eligible;
            List<Explanation.CandidateTrace> candidates = explain ? new ArrayList<>() : List.of();
            int covered;
            if (quickEligibility) {
                if (rule.requireSkill() && !skillsKnown) {
                    industry = EligibilityPolicies.lowerSkill(lead.industry());
                    product = EligibilityPolicies.lowerSkill(lead.productInterest());
                    skillsKnown = true;
                }
                boolean byTerritory = rule.requireTerritory() && reps.indexed();
                int[] indexes = byTerritory ? null : reps.covered(rule.target());
                covered = byTerritory ? reps.coveringTerritory(rule.target(), lead) : indexes.length;
                if (byTerritory) {
                    indexes = reps.found();
                }
                DayOfWeek dayOfWeek = day.getDayOfWeek();
                if (reps.indexed()) {
                    int dayBit = 1 << dayOfWeek.ordinal();
                    boolean plain = !rule.requireTerritory() && !rule.requireSkill();
                    int[] chosen = reps.eligibleIndexes();
                    int n = 0;
                    for (int i = 0; i < covered; i++) {
                        int index = indexes[i];
                        if (reps.available(index, dayBit) && ((plain && !reps.hasAbsences(index))
                                || EligibilityPolicies.admitsOnceAvailable(reps.get(index), lead, rule, day, industry, product, byTerritory))) {
                            chosen[n++] = index;
                        }
                    }
                    eligible = reps.eligible(n);
                } else {
                    eligible = new ArrayList<>(covered);
                    for (int i = 0; i < covered; i++) {
                        RepState rep = reps.get(indexes[i]);
                        if (EligibilityPolicies.admits(rep, lead, rule, day, dayOfWeek, industry, product, false)) {
                            eligible.add(rep);
                        }
                    }
                }
            } else {
                eligible = new ArrayList<>();
                int[] coveredIndexes = reps.covered(rule.target());
                covered = coveredIndexes.length;
                for (int index : coveredIndexes) {
                    RepState rep = reps.get(index);
                    Eligibility eligibility = EligibilityPolicy.all(policies, rep, lead, rule, day);
                    if (eligibility instanceof Eligibility.Excluded excluded) {
                        if (explain) {
                            candidates.add(new Explanation.CandidateTrace(rep.repId(), rep.name(), rep.tier(), false,
                                    excluded.policy(), excluded.reason(), Map.of(), null, false));
                        }
                    } else {
                        eligible.add(rep);
                    }
                }
            }
            Pick pick = eligible.isEmpty() ? null : Strategy.of(rule.strategy()).pick(rule, lead, value, eligible, state, day, explain);
            if (explain) {
                for (RepState rep : eligible) {
                    candidates.add(new Explanation.CandidateTrace(rep.repId(), rep.name(), rep.tier(), true, null, null,
                            pick == null ? Map.of() : pick.figures().getOrDefault(rep.repId(), Map.of()),
                            pick == null ? null : pick.notes().get(rep.repId()),
                            pick != null && pick.winner().repId() == rep.repId()));
                }
                Reason note = pick != null ? null
                        : covered == 0 ? Reason.of("noRepInTarget")
                        : eligible.isEmpty() ? Reason.of("noEligibleRep", covered) : Reason.of("noRepInAllowedTiers");
                traces.add(new Explanation.RuleTrace(rule.key(), rule.name(), rule.strategy(), true, conditions(rule, lead),
                        candidates, note));
            }
            if (pick == null) {
                continue;
            }
            List<StateUpdate> updates = new ArrayList<>(pick.updates());
            updates.add(new StateUpdate.LedgerCharged(pick.winner().repId(), day, value.points(), value.expectedValue()));
            return new Decision.Assigned(pick.winner().repId(), rule.key(),
                    explanation(ruleSet, value, traces, pick.winner().repId(), rule.key(), pick.why()), updates);
        }
        Reason why = anyMatched ? Reason.of("everyRuleFellThrough") : Reason.of("noRuleMatched");
        return new Decision.Pooled(null, explanation(ruleSet, value, traces, null, null, why));
    }

    private Explanation explanation(RuleSet ruleSet, ValueModel.LeadValue value, List<Explanation.RuleTrace> traces,
            Long winner, String ruleKey, Reason why) {
        return new Explanation(ruleSet.id(), ruleSet.version(), value, traces,
                winner == null ? Explanation.Outcome.POOLED : Explanation.Outcome.ASSIGNED, winner, ruleKey, why);
    }

    private static List<Explanation.ConditionTrace> conditions(Rule rule, LeadFacts lead) {
        List<Explanation.ConditionTrace> result = new ArrayList<>(rule.conditions().size());
        for (Condition c : rule.conditions()) {
            result.add(Explanation.ConditionTrace.of(c.check(lead)));
        }
        return result;
    }
}
