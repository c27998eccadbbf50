package dev.fairlead.bench;

import dev.fairlead.org.Tier;
import dev.fairlead.routing.domain.Condition;
import dev.fairlead.routing.domain.ConversionHistory;
import dev.fairlead.routing.domain.LeadFacts;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Match;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.RepState;
import dev.fairlead.routing.domain.Rule;
import dev.fairlead.routing.domain.RuleSet;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.routing.domain.StrategyParams;
import dev.fairlead.routing.domain.Target;
import dev.fairlead.routing.domain.Territories;
import dev.fairlead.routing.domain.ValueModel;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic but realistic organisation and lead stream: a company (team 1) with 4 regions
 * (10–13) and 20 teams (100–119), each team covering one province; reps spread over the teams with
 * mixed tiers, weights, caps and conversion histories; leads from 20 provinces with scores,
 * grades, budgets, industries and products.
 */
final class Workload {

    static final String[][] PROVINCES = {
            {"110000", "110100"}, {"120000", "120100"}, {"310000", "310100"}, {"320000", "320100"}, {"330000", "330100"},
            {"340000", "340100"}, {"350000", "350200"}, {"370000", "370200"}, {"410000", "410100"}, {"420000", "420100"},
            {"430000", "430100"}, {"440000", "440300"}, {"450000", "450100"}, {"500000", "500100"}, {"510000", "510100"},
            {"520000", "520100"}, {"530000", "530100"}, {"610000", "610100"}, {"210000", "210100"}, {"230000", "230100"}};
    static final String[] INDUSTRIES = {"manufacturing", "retail", "finance", "healthcare", "education", "logistics", "energy", "software"};
    static final String[] PRODUCTS = {"crm", "erp", "analytics", "hr"};
    static final String[] SOURCES = {"WEB_FORM", "API", "IMPORT", "REFERRAL", "EVENT", "ADVERTISING", "PARTNER"};
    static final Tier[] TIERS = {Tier.NEW, Tier.REGULAR, Tier.REGULAR, Tier.REGULAR, Tier.SENIOR, Tier.SENIOR, Tier.KEY_ACCOUNT};

    private Workload() {}

    static long team(int i) {
        return 100 + i % 20;
    }

    /** {@code count} reps; rep i belongs to team 100 + i % 20 and covers that team's province. */
    static List<RepState> reps(int count, int maxOpen, int maxDay, int maxMonth, long seed) {
        Random random = new Random(seed);
        List<RepState> reps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int t = i % 20;
            long team = 100 + t;
            long region = 10 + t / 5;
            Map<String, ConversionHistory> history = new HashMap<>();
            int closed = 20 + random.nextInt(200);
            history.put("", new ConversionHistory((int) (closed * (0.05 + random.nextDouble() * 0.3)), closed));
            for (String industry : INDUSTRIES) {
                int c = random.nextInt(40);
                history.put(industry, new ConversionHistory((int) (c * random.nextDouble() * 0.5), c));
            }
            reps.add(new RepState(i + 1, "销售" + (i + 1), team, List.of(team, region, 1L), TIERS[random.nextInt(TIERS.length)],
                    new java.util.HashSet<>(List.of(INDUSTRIES[random.nextInt(INDUSTRIES.length)], INDUSTRIES[random.nextInt(INDUSTRIES.length)])),
                    new java.util.HashSet<>(List.of(PRODUCTS[random.nextInt(PRODUCTS.length)], PRODUCTS[random.nextInt(PRODUCTS.length)])),
                    5 + random.nextInt(16), maxOpen, maxDay, maxMonth, EnumSet.allOf(DayOfWeek.class), List.of(),
                    new Territories(Set.of(PROVINCES[t][0]), Set.of(), List.of()), true, 0, 0, 0, random.nextInt(50), history));
        }
        return reps;
    }

    static LeadFacts lead(long id, Instant at, Random random) {
        String[] place = PROVINCES[random.nextInt(PROVINCES.length)];
        int score = random.nextInt(101);
        double budget = Math.round(Math.exp(9 + random.nextGaussian() * 1.2));
        return new LeadFacts(id, SOURCES[random.nextInt(SOURCES.length)], "客户" + id, "经理", INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                "MEDIUM", place[0], place[1], null, PRODUCTS[random.nextInt(PRODUCTS.length)], budget, score, null, at, null, null);
    }

    /**
     * 20 rules: partners to the pool; big grade-A deals tiered across the company; 16 province
     * rules with every strategy in turn; a best-fit rule for two industries; everyone least loaded last.
     */
    static RuleSet rules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(rule("partners", new Target.Pool(null), StrategyKind.ROUND_ROBIN, false, Match.ALL,
                new Condition(LeadField.SOURCE, Operator.EQUALS, List.of("PARTNER"), null, null)));
        rules.add(rule("big-a", new Target.Team(1, true), StrategyKind.TIERED, true, Match.ALL,
                new Condition(LeadField.GRADE, Operator.EQUALS, List.of("A"), null, null),
                new Condition(LeadField.BUDGET, Operator.RANGE, List.of(), 100_000.0, null)));
        StrategyKind[] strategies = StrategyKind.values();
        for (int p = 0; p < 16; p++) {
            rules.add(rule("province-" + p, new Target.Team(team(p), true), strategies[p % strategies.length], p % 2 == 0, Match.ANY,
                    new Condition(LeadField.PROVINCE, Operator.IN, List.of(PROVINCES[p][0]), null, null),
                    new Condition(LeadField.CITY, Operator.PREFIX, List.of(PROVINCES[p][1].substring(0, 4)), null, null)));
        }
        rules.add(rule("finance-fit", new Target.Team(1, true), StrategyKind.BEST_FIT, true, Match.ALL,
                new Condition(LeadField.INDUSTRY, Operator.IN, List.of("finance", "healthcare"), null, null)));
        rules.add(rule("everyone", new Target.Everyone(), StrategyKind.LEAST_LOADED, false, Match.ALL));
        return new RuleSet(1, 1, rules, ValueModel.DEFAULT);
    }

    static Rule rule(String key, Target target, StrategyKind strategy, boolean territory, Match match, Condition... conditions) {
        return new Rule(key, key, match, List.of(conditions), target, strategy, territory, false,
                new StrategyParams(PeriodKind.MONTH, 0.5, 1.5, 10, null));
    }
}
