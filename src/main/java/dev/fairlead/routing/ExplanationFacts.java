package dev.fairlead.routing;

import dev.fairlead.routing.domain.Rule;
import dev.fairlead.routing.persistence.ExplanationCodec;
import dev.fairlead.routing.persistence.RuleSetRepository;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What a stored explanation leaves out, for reading it (decision 0215): the rules of the rule set
 * that decided (a rule set that has routed is never edited again, so its compiled rules are kept
 * once read) and the reps' names as they are now.
 */
@Component
class ExplanationFacts {

    private final RuleSetRepository ruleSets;
    private final Map<Long, List<ExplanationCodec.RuleInfo>> rules = new ConcurrentHashMap<>();

    ExplanationFacts(RuleSetRepository ruleSets) {
        this.ruleSets = ruleSets;
    }

    ExplanationCodec.Facts with(Map<Long, String> repNames) {
        return new ExplanationCodec.Facts() {
            @Override
            public List<ExplanationCodec.RuleInfo> rules(long ruleSetId) {
                return rulesOf(ruleSetId);
            }

            @Override
            public String repName(long repId) {
                return repNames.get(repId);
            }
        };
    }

    List<ExplanationCodec.RuleInfo> rulesOf(long ruleSetId) {
        List<ExplanationCodec.RuleInfo> known = rules.get(ruleSetId);
        if (known != null) {
            return known;
        }
        RuleSetView view = ruleSetId == 0 ? null : ruleSets.find(ruleSetId).orElse(null);
        if (view == null) {
            return List.of();
        }
        List<ExplanationCodec.RuleInfo> compiled = RuleCompiler.compile(view).rules().stream().map(ExplanationFacts::info).toList();
        if (view.status() != RuleSetStatus.DRAFT) {
            rules.put(ruleSetId, compiled);
        }
        return compiled;
    }

    private static ExplanationCodec.RuleInfo info(Rule rule) {
        return new ExplanationCodec.RuleInfo(rule.key(), rule.name(), rule.strategy(), rule.conditions());
    }
}
