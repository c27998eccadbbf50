package dev.fairlead.routing.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An explanation at a glance: who got the lead and what set her apart (the checks others failed that
 * she passed, and the strategy's reason), and the others grouped by why they were not chosen, each group
 * counted ("24 outside territory, 3 at today's cap"). Built from the stored explanation only, so old
 * explanations summarise too; the web layer words it in the reader's language.
 *
 * <p>For an assigned lead the others are the candidates of the rule that gave the lead. For a pooled
 * lead they are every rep any matched rule considered, each counted once, by the reason of the first rule
 * that considered her (the most specific one).
 *
 * @param winnerName the chosen rep's name as the trace has it, null when pooled or not in the trace
 * @param qualities what the winner had that others lacked, as reason codes under {@code routing.summary.quality.}
 * @param why the strategy's (or the pooling) reason
 * @param others the groups of reps not chosen, largest first (ties in the order met)
 * @param rulesFellThrough matched rules before the deciding one that had nobody to give the lead to
 */
public record ExplanationSummary(Explanation.Outcome outcome, String winnerName, List<Reason> qualities, Reason why,
        List<Group> others, int rulesFellThrough) {

    public ExplanationSummary {
        qualities = List.copyOf(qualities);
        others = List.copyOf(others);
    }

    /**
     * Reps not chosen for the same reason. {@code code} is an exclusion code (outsideTerritory), a strategy's
     * note on an eligible rep (aboveFairShare, tierNotPreferred) or {@code notPicked} for eligible reps the
     * strategy ranked lower; {@code args} are the first member's reason arguments (the weekday, the city).
     */
    public record Group(String code, int count, List<String> args) {

        public Group {
            args = List.copyOf(args);
        }
    }

    /** An eligible rep the strategy passed over without a note. */
    public static final String NOT_PICKED = "notPicked";

    /** Exclusions whose absence says something about the winner, and the quality it says. */
    private static final Map<String, String> QUALITY_OF_EXCLUSION = Map.of(
            "outsideTerritory", "inTerritory",
            "industryMismatch", "sellsIndustry",
            "productMismatch", "sellsProduct");

    public static ExplanationSummary of(Explanation e) {
        List<Explanation.RuleTrace> matched = e.rules().stream().filter(Explanation.RuleTrace::matched).toList();
        Explanation.RuleTrace deciding = e.outcome() == Explanation.Outcome.ASSIGNED && e.ruleKey() != null
                ? matched.stream().filter(r -> e.ruleKey().equals(r.key())).reduce((a, b) -> b).orElse(null)
                : null;
        if (deciding == null) {
            List<Explanation.CandidateTrace> firstSeen = new ArrayList<>();
            Set<Long> seen = new LinkedHashSet<>();
            for (Explanation.RuleTrace rule : matched) {
                for (Explanation.CandidateTrace c : rule.candidates()) {
                    if (seen.add(c.repId())) {
                        firstSeen.add(c);
                    }
                }
            }
            int fellThrough = (int) matched.stream().filter(r -> r.note() != null).count();
            return new ExplanationSummary(e.outcome(), null, List.of(), e.why(), groups(firstSeen), fellThrough);
        }
        List<Explanation.CandidateTrace> others = deciding.candidates().stream().filter(c -> !c.winner()).toList();
        String winner = deciding.candidates().stream().filter(Explanation.CandidateTrace::winner)
                .map(Explanation.CandidateTrace::name).findFirst().orElse(null);
        int fellThrough = matched.indexOf(deciding);
        return new ExplanationSummary(e.outcome(), winner, qualities(others), e.why(), groups(others), fellThrough);
    }

    private static List<Reason> qualities(List<Explanation.CandidateTrace> others) {
        Map<String, Reason> found = new LinkedHashMap<>();
        for (Explanation.CandidateTrace c : others) {
            if (!c.eligible() && c.exclusion() != null) {
                String quality = QUALITY_OF_EXCLUSION.get(c.exclusion().code());
                if (quality != null) {
                    found.putIfAbsent(quality, new Reason(quality, c.exclusion().args()));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static List<Group> groups(List<Explanation.CandidateTrace> candidates) {
        Map<String, List<String>> args = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Explanation.CandidateTrace c : candidates) {
            Reason reason = c.eligible() ? c.note() : c.exclusion();
            String code = reason == null ? NOT_PICKED : reason.code();
            args.putIfAbsent(code, reason == null ? List.of() : reason.args());
            counts.merge(code, 1, Integer::sum);
        }
        List<Group> groups = new ArrayList<>();
        for (String code : counts.keySet()) {
            groups.add(new Group(code, counts.get(code), args.get(code)));
        }
        groups.sort(Comparator.comparingInt(Group::count).reversed()); // stable: ties stay in the order met
        return groups;
    }
}
