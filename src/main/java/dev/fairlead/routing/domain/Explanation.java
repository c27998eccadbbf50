package dev.fairlead.routing.domain;

import dev.fairlead.org.Tier;
import java.util.List;
import java.util.Map;

/**
 * Why a lead went where it went: every rule in order (matched or not, and on which condition),
 * every candidate of the rules that matched (eligible or excluded, with the reason), the
 * strategy's figures for each candidate, and why the winner won. Stored with the assignment.
 */
public record Explanation(
        long ruleSetId,
        int ruleSetVersion,
        ValueModel.LeadValue value,
        List<RuleTrace> rules,
        Outcome outcome,
        Long winnerRepId,
        String ruleKey,
        Reason why) {

    public enum Outcome {
        ASSIGNED, POOLED,
        /** Nobody who could take it was working: held until the next working period (see {@code routing_waiting}). */
        WAITING
    }

    /** One rule as the engine went through it. {@code note} says why it gave no rep when it matched but fell through. */
    public record RuleTrace(String key, String name, StrategyKind strategy, boolean matched, List<ConditionTrace> conditions,
            List<CandidateTrace> candidates, Reason note) {}

    public record ConditionTrace(LeadField field, Operator operator, List<String> values, Double min, Double max,
            String actual, boolean matched) {

        static ConditionTrace of(Condition.ConditionCheck check) {
            Condition c = check.condition();
            return new ConditionTrace(c.field(), c.operator(), c.values(), c.min(), c.max(), check.actual(), check.matched());
        }
    }

    /**
     * A rep the rule's target covers. Excluded reps name the policy and reason; eligible reps carry
     * the strategy's figures (e.g. points, load ratio, current weight) and a note when the strategy
     * set them aside (outside the preferred tier group, above the fair-share guard).
     */
    public record CandidateTrace(long repId, String name, Tier tier, boolean eligible, String policy, Reason exclusion,
            Map<String, Double> figures, Reason note, boolean winner) {}
}
