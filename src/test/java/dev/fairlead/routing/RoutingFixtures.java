package dev.fairlead.routing;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.routing.domain.Match;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.StrategyKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Leads, rules and viewers for routing integration tests. */
final class RoutingFixtures {

    private static final AtomicInteger PHONE = new AtomicInteger(10_000_000);

    private RoutingFixtures() {}

    static final Viewer DIRECTOR = new Viewer(0, "director.routing", Role.DIRECTOR, null, null);

    /** A lead from a Shanghai manufacturer with a unique mobile number. */
    static LeadCommand shanghaiLead(String company) {
        return lead(company, "310000", "310100", "manufacturing", new BigDecimal("80000"));
    }

    static LeadCommand shenzhenLead(String company) {
        return lead(company, "440000", "440300", "retail", new BigDecimal("30000"));
    }

    static LeadCommand lead(String company, String province, String city, String industry, BigDecimal budget) {
        return new LeadCommand(LeadSource.WEB_FORM, company, "张伟", "采购经理", "139" + PHONE.incrementAndGet(), null, industry,
                CompanySize.MEDIUM, province, city, null, "crm", budget, List.of());
    }

    static RuleDefinition teamRule(String name, long teamId, StrategyKind strategy, RuleCondition... conditions) {
        return new RuleDefinition(null, name, Match.ALL, List.of(conditions), TargetKind.TEAM, teamId, true, List.of(), null,
                strategy, false, false, PeriodKind.MONTH, 0.0, 1.5, 10.0, Map.of());
    }

    static RuleDefinition repsRule(String name, List<Long> repIds, StrategyKind strategy, RuleCondition... conditions) {
        return new RuleDefinition(null, name, Match.ALL, List.of(conditions), TargetKind.REPS, null, false, repIds, null,
                strategy, false, false, PeriodKind.MONTH, 0.0, 1.5, 10.0, Map.of());
    }

    static RuleDefinition poolRule(String name, RuleCondition... conditions) {
        return new RuleDefinition(null, name, Match.ALL, List.of(conditions), TargetKind.POOL, null, false, List.of(), null,
                StrategyKind.ROUND_ROBIN, false, false, PeriodKind.MONTH, 0.0, 1.5, 10.0, Map.of());
    }

    /** Creates a draft with these rules and activates it. */
    static RuleSetView activate(RuleSetService ruleSets, String name, RuleDefinition... rules) {
        RuleSetView draft = ruleSets.createDraft(DIRECTOR, null, name);
        RuleSetView filled = ruleSets.updateDraft(DIRECTOR, draft.id(), new RuleSetCommand(name, List.of(rules), draft.rowVersion()));
        return ruleSets.activate(DIRECTOR, filled.id(), "test: " + name);
    }
}
