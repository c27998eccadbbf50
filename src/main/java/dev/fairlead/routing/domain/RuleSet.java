package dev.fairlead.routing.domain;

import java.util.List;

/** Ordered rules of one version; the first rule that matches and finds an eligible rep wins. */
public record RuleSet(long id, int version, List<Rule> rules, ValueModel valueModel) {

    public RuleSet {
        rules = List.copyOf(rules);
        valueModel = valueModel == null ? ValueModel.DEFAULT : valueModel;
    }
}
