package dev.fairlead.routing.domain;

import dev.fairlead.org.Tier;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reps, leads and rules for engine tests: a Shanghai team (上海一组, id 11) below East China (id 10). */
final class Fixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A Wednesday. */
    static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, SHANGHAI);
    static final long EAST_CHINA = 10;
    static final long SHANGHAI_TEAM = 11;
    static final long SHENZHEN_TEAM = 21;

    private Fixtures() {}

    static Rep rep(long id, String name) {
        return new Rep(id, name);
    }

    /** A rep builder with sensible defaults: regular tier, Shanghai city, weight 10, roomy caps, Monday–Friday. */
    static final class Rep {
        private final long id;
        private final String name;
        private long team = SHANGHAI_TEAM;
        private List<Long> path = List.of(SHANGHAI_TEAM, EAST_CHINA);
        private Tier tier = Tier.REGULAR;
        private Set<String> industries = Set.of("manufacturing");
        private Set<String> products = Set.of("crm");
        private int weight = 10;
        private int maxOpen = 5000;
        private int maxDay = 5000;
        private int maxMonth = 50000;
        private Set<DayOfWeek> days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        private final List<DateRange> absences = new ArrayList<>();
        private Territories territories = new Territories(Set.of(), Set.of("310100"), List.of());
        private boolean active = true;
        private int open;
        private int today;
        private int month;
        private int workload;
        private Map<String, ConversionHistory> history = Map.of();

        private Rep(long id, String name) {
            this.id = id;
            this.name = name;
        }

        Rep inTeam(long team, Long... above) {
            this.team = team;
            List<Long> p = new ArrayList<>(List.of(team));
            p.addAll(List.of(above));
            this.path = p;
            return this;
        }

        Rep tier(Tier t) { this.tier = t; return this; }
        Rep weight(int w) { this.weight = w; return this; }
        Rep caps(int open, int day, int month) { this.maxOpen = open; this.maxDay = day; this.maxMonth = month; return this; }
        Rep load(int open, int today, int month) { this.open = open; this.today = today; this.month = month; return this; }
        Rep workload(int points) { this.workload = points; return this; }
        Rep inactive() { this.active = false; return this; }
        Rep away(LocalDate from, LocalDate to) { absences.add(new DateRange(from, to)); return this; }
        Rep works(DayOfWeek... d) { this.days = EnumSet.copyOf(List.of(d)); return this; }
        Rep cities(String... codes) { this.territories = new Territories(Set.of(), Set.of(codes), List.of()); return this; }
        Rep provinces(String... codes) { this.territories = new Territories(Set.of(codes), Set.of(), List.of()); return this; }
        Rep skills(Set<String> industries, Set<String> products) { this.industries = industries; this.products = products; return this; }
        Rep history(Map<String, ConversionHistory> h) { this.history = h; return this; }

        RepState build() {
            return new RepState(id, name, team, path, tier, industries, products, weight, maxOpen, maxDay, maxMonth, days,
                    absences, territories, active, open, today, month, workload, history);
        }
    }

    static LeadBuilder lead(long id) {
        return new LeadBuilder(id);
    }

    static final class LeadBuilder {
        private final long id;
        private String source = "WEB_FORM";
        private String industry = "manufacturing";
        private String product = "crm";
        private String province = "310000";
        private String city = "310100";
        private String postal = "200001";
        private Double budget = 50_000.0;
        private Integer score;
        private String grade;

        private LeadBuilder(long id) {
            this.id = id;
        }

        LeadBuilder source(String s) { this.source = s; return this; }
        LeadBuilder industry(String s) { this.industry = s; return this; }
        LeadBuilder product(String s) { this.product = s; return this; }
        LeadBuilder shenzhen() { this.province = "440000"; this.city = "440300"; this.postal = "518000"; return this; }
        LeadBuilder nowhere() { this.province = null; this.city = null; this.postal = null; return this; }
        LeadBuilder budget(Double b) { this.budget = b; return this; }
        LeadBuilder score(Integer s) { this.score = s; return this; }
        LeadBuilder grade(String g) { this.grade = g; return this; }

        LeadFacts build() {
            return new LeadFacts(id, source, "上海精密机械有限公司", "采购经理", industry, "MEDIUM", province, city, postal, product,
                    budget, score, grade, Instant.parse("2026-11-18T02:00:00Z"), null, null);
        }
    }

    static Rule rule(String key, StrategyKind strategy, Target target, Condition... conditions) {
        return new Rule(key, key, Match.ALL, List.of(conditions), target, strategy, false, false, StrategyParams.defaults());
    }

    static Rule rule(String key, StrategyKind strategy, Target target, StrategyParams params, Condition... conditions) {
        return new Rule(key, key, Match.ALL, List.of(conditions), target, strategy, false, false, params);
    }

    static RuleSet rules(Rule... rules) {
        return new RuleSet(1, 1, List.of(rules), ValueModel.DEFAULT);
    }

    static Target shanghaiTeam() {
        return new Target.Team(SHANGHAI_TEAM, true);
    }
}
