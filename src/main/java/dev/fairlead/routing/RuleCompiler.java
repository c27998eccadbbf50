package dev.fairlead.routing;

import dev.fairlead.org.Tier;
import dev.fairlead.routing.domain.Condition;
import dev.fairlead.routing.domain.Rule;
import dev.fairlead.routing.domain.RuleSet;
import dev.fairlead.routing.domain.StrategyParams;
import dev.fairlead.routing.domain.Target;
import dev.fairlead.routing.domain.ValueModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns rules as written (editor, API, stored JSON) into the engine's rules. */
final class RuleCompiler {

    private RuleCompiler() {}

    static RuleSet compile(RuleSetView view) {
        return new RuleSet(view.id(), view.version(), view.rules().stream().map(RuleCompiler::rule).toList(), ValueModel.DEFAULT);
    }

    static Rule rule(RuleDefinition d) {
        List<Condition> conditions = d.conditions().stream()
                .map(c -> new Condition(c.field(), c.operator(), c.values(), c.min(), c.max()))
                .toList();
        StrategyParams params = new StrategyParams(d.period(), d.decay(), d.guardMultiple(), d.workloadPointsPerLead(),
                tierGroups(d.tierGroups()));
        return new Rule(d.key(), d.name(), d.match(), conditions, target(d), d.strategy(), d.requireTerritory(),
                d.requireSkill(), params);
    }

    static Target target(RuleDefinition d) {
        return switch (d.targetKind()) {
            case EVERYONE -> new Target.Everyone();
            case TEAM -> new Target.Team(d.teamId(), d.includeSubTeams());
            case REPS -> new Target.Reps(List.copyOf(d.repIds()));
            case POOL -> new Target.Pool(d.poolId());
        };
    }

    /** "KEY_ACCOUNT, SENIOR > REGULAR" → [[KEY_ACCOUNT, SENIOR], [REGULAR]]; no groups at all → the defaults. */
    static Map<String, List<List<Tier>>> tierGroups(Map<String, String> specs) {
        if (specs == null || specs.values().stream().allMatch(s -> s == null || s.isBlank())) {
            return StrategyParams.DEFAULT_TIERS;
        }
        Map<String, List<List<Tier>>> groups = new HashMap<>();
        specs.forEach((grade, spec) -> {
            if (spec != null && !spec.isBlank()) {
                groups.put(grade.trim().toUpperCase(Locale.ROOT), parseTiers(spec));
            }
        });
        return groups;
    }

    static List<List<Tier>> parseTiers(String spec) {
        List<List<Tier>> groups = new ArrayList<>();
        for (String group : spec.split(">")) {
            List<Tier> tiers = new ArrayList<>();
            for (String tier : group.split("[,，\\s]+")) {
                if (!tier.isBlank()) {
                    tiers.add(Tier.valueOf(tier.trim().toUpperCase(Locale.ROOT)));
                }
            }
            if (!tiers.isEmpty()) {
                groups.add(tiers);
            }
        }
        return groups;
    }
}
