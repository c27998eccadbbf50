package dev.fairlead.routing.domain;

import dev.fairlead.org.Tier;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Organisations, rule sets and lead streams drawn from one seed, made to hit the corners the
 * optimised engine paths take short cuts around: tight caps, absences, days off, inactive reps,
 * territories by province, city, postal prefix or none, skills in mixed case, blank and missing
 * fields, every target kind and strategy, and a period that crosses a month boundary.
 */
final class RandomWorkload {

    static final Instant START = Instant.parse("2026-10-24T00:00:00Z");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 24);
    private static final String[][] PLACES = {
            {"310000", "310100", "200001"}, {"440000", "440300", "518000"}, {"440000", "440100", "510000"},
            {"110000", "110100", "100010"}, {null, null, "200040"}, {"310000", null, null}, {null, null, null}};
    private static final String[] INDUSTRIES = {"retail", "finance", "energy"};
    private static final String[] LEAD_INDUSTRIES = {"retail", "Finance", "ENERGY", "software", null, " "};
    private static final String[] PRODUCTS = {"crm", "erp"};
    private static final String[] LEAD_PRODUCTS = {"crm", "ERP", "hr", null};
    private static final String[] SOURCES = {"WEB_FORM", "API", "PARTNER", "REFERRAL"};
    private static final long[] TEAMS = {100, 101, 102, 103};

    private final Random random;

    RandomWorkload(long seed) {
        this.random = new Random(seed);
    }

    List<RepState> reps() {
        int count = 3 + random.nextInt(30);
        List<RepState> reps = new ArrayList<>(count);
        long id = 0;
        for (int i = 0; i < count; i++) {
            id += 1 + random.nextInt(3);
            int t = random.nextInt(TEAMS.length);
            long team = TEAMS[t];
            long region = t < 2 ? 10 : 11;
            Set<DayOfWeek> days = random.nextInt(4) == 0 ? randomDays() : EnumSet.allOf(DayOfWeek.class);
            List<DateRange> absences = new ArrayList<>();
            if (random.nextInt(5) == 0) {
                LocalDate from = FIRST_DAY.plusDays(random.nextInt(20));
                absences.add(new DateRange(from, from.plusDays(random.nextInt(6))));
            }
            Map<String, ConversionHistory> history = new HashMap<>();
            history.put("", new ConversionHistory(random.nextInt(20), 20 + random.nextInt(50)));
            for (String industry : INDUSTRIES) {
                if (random.nextBoolean()) {
                    history.put(industry, new ConversionHistory(random.nextInt(10), 10 + random.nextInt(20)));
                }
            }
            reps.add(new RepState(id, "rep" + id, team, List.of(team, region, 1L), Tier.values()[random.nextInt(Tier.values().length)],
                    subset(INDUSTRIES), subset(PRODUCTS), 1 + random.nextInt(20),
                    1 + random.nextInt(12), 1 + random.nextInt(5), 3 + random.nextInt(40), days, absences, territories(),
                    random.nextInt(10) != 0, 0, 0, 0, random.nextInt(30), history));
        }
        return reps;
    }

    RuleSet rules(List<RepState> reps) {
        int count = 2 + random.nextInt(8);
        List<Rule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            Target target = last && random.nextInt(3) != 0 ? new Target.Everyone() : target(reps);
            List<Condition> conditions = last ? List.of() : conditions();
            StrategyKind strategy = StrategyKind.values()[random.nextInt(StrategyKind.values().length)];
            StrategyParams params = new StrategyParams(random.nextBoolean() ? PeriodKind.WEEK : PeriodKind.MONTH,
                    random.nextBoolean() ? 0 : 0.5, new double[] {1.1, 1.5, 3}[random.nextInt(3)], 1 + random.nextInt(10), null);
            rules.add(new Rule("r" + i, "rule " + i, random.nextBoolean() ? Match.ALL : Match.ANY, conditions, target, strategy,
                    random.nextBoolean(), random.nextInt(3) == 0, params));
        }
        return new RuleSet(7, 3, rules, ValueModel.DEFAULT);
    }

    /** Leads in arrival order over about 45 days; a third closed again within a few days. */
    List<LeadFacts> leads(int count) {
        List<LeadFacts> leads = new ArrayList<>(count);
        long spacing = 45L * 24 * 3600 / count;
        Instant at = START;
        for (int i = 0; i < count; i++) {
            at = at.plusSeconds(1 + random.nextInt((int) (2 * spacing)));
            String[] place = PLACES[random.nextInt(PLACES.length)];
            Integer score = random.nextInt(5) == 0 ? null : random.nextInt(101);
            String grade = score == null && random.nextBoolean() ? "ABCD".substring(random.nextInt(4)).substring(0, 1) : null;
            Double budget = random.nextInt(6) == 0 ? null : (double) Math.round(Math.exp(9 + random.nextGaussian() * 1.2));
            Instant closed = random.nextInt(3) == 0 ? at.plus(1 + random.nextInt(24 * 6), ChronoUnit.HOURS) : null;
            leads.add(new LeadFacts(i + 1, SOURCES[random.nextInt(SOURCES.length)], "company " + i, null,
                    LEAD_INDUSTRIES[random.nextInt(LEAD_INDUSTRIES.length)], "SMALL", place[0], place[1], place[2],
                    LEAD_PRODUCTS[random.nextInt(LEAD_PRODUCTS.length)], budget, score, grade, at, closed,
                    closed == null ? null : random.nextBoolean()));
        }
        return leads;
    }

    /** A rep as the live path might see them mid-day: counters anywhere from empty to past a cap. */
    RepState withRandomCounters(RepState rep) {
        return rep.withCounters(random.nextInt(rep.maxOpenLeads() + 2), random.nextInt(rep.maxNewPerDay() + 2),
                random.nextInt(rep.maxNewPerMonth() + 2));
    }

    LocalDate day() {
        return FIRST_DAY.plusDays(random.nextInt(30));
    }

    private Target target(List<RepState> reps) {
        return switch (random.nextInt(7)) {
            case 0 -> new Target.Pool(random.nextBoolean() ? null : 5L);
            case 1 -> new Target.Everyone();
            case 2 -> {
                List<Long> ids = new ArrayList<>();
                for (RepState r : reps) {
                    if (random.nextInt(3) == 0) {
                        ids.add(r.repId());
                    }
                }
                yield new Target.Reps(ids);
            }
            case 3 -> new Target.Team(random.nextBoolean() ? 10 : 11, true);
            case 4 -> new Target.Team(1, true);
            default -> new Target.Team(TEAMS[random.nextInt(TEAMS.length)], random.nextBoolean());
        };
    }

    private List<Condition> conditions() {
        int n = random.nextInt(3);
        List<Condition> conditions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            conditions.add(switch (random.nextInt(6)) {
                case 0 -> Condition.in(LeadField.PROVINCE, "310000", "110000");
                case 1 -> Condition.prefix(LeadField.CITY, "4403", "4401");
                case 2 -> Condition.in(LeadField.INDUSTRY, "finance", "retail");
                case 3 -> Condition.equalTo(LeadField.SOURCE, "PARTNER");
                case 4 -> Condition.equalTo(LeadField.GRADE, "A");
                default -> Condition.range(LeadField.BUDGET, 5_000.0, 60_000.0);
            });
        }
        return conditions;
    }

    private Territories territories() {
        return switch (random.nextInt(6)) {
            case 0 -> Territories.EVERYWHERE;
            case 1 -> new Territories(Set.of("310000"), Set.of(), List.of());
            case 2 -> new Territories(Set.of("440000"), Set.of("110100"), List.of());
            case 3 -> new Territories(Set.of(), Set.of("440300", "310100"), List.of());
            case 4 -> new Territories(Set.of(), Set.of(), List.of("2000", "51"));
            default -> new Territories(Set.of("110000"), Set.of(), List.of("5180"));
        };
    }

    private Set<String> subset(String[] values) {
        Set<String> s = new HashSet<>();
        for (String v : values) {
            if (random.nextBoolean()) {
                s.add(v);
            }
        }
        return s;
    }

    private Set<DayOfWeek> randomDays() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (random.nextInt(4) != 0) {
                days.add(d);
            }
        }
        return days;
    }
}
