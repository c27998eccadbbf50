package dev.fairlead.routing;

import dev.fairlead.routing.domain.RuleSet;
import dev.fairlead.routing.persistence.RuleSetRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The active rule set, compiled once and cached. Each use checks which version is active in the
 * database (one indexed read), so an activation on any node takes effect on every node at its next lead.
 */
@Component
class ActiveRuleSet {

    private final RuleSetRepository ruleSets;
    private volatile RuleSet cached;

    ActiveRuleSet(RuleSetRepository ruleSets) {
        this.ruleSets = ruleSets;
    }

    RuleSet current() {
        Long activeId = ruleSets.activeId().orElse(null);
        if (activeId == null) {
            return new RuleSet(0, 0, List.of(), null);
        }
        RuleSet c = cached;
        if (c == null || c.id() != activeId) {
            c = RuleCompiler.compile(ruleSets.find(activeId).orElseThrow());
            cached = c;
        }
        return c;
    }

    void invalidate() {
        cached = null;
    }
}
