package dev.fairlead.routing;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepCommand;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamCommand;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.Territory;
import dev.fairlead.org.TerritoryKind;
import dev.fairlead.org.Tier;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Match;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /** A company with one team under it, for tests that need reps of their own. */
    static Team team(TeamService teams, String companyName, String teamName) {
        Team company = teams.create(Viewer.system(), new TeamCommand(companyName, TeamKind.COMPANY, null, null));
        return teams.create(Viewer.system(), new TeamCommand(teamName, TeamKind.TEAM, company.id(), null));
    }

    /** An active regular rep covering one city, with room for 1,000 open leads and {@code perDay} new ones a day. */
    static Rep rep(RepService reps, Team team, String name, int weight, int perDay, String city, String emailTag) {
        return reps.create(Viewer.system(), new RepCommand(team.id(), name, OrgFixtures.email(emailTag), "13812345678", Tier.REGULAR,
                List.of("manufacturing"), List.of("crm"), List.of("zh"), weight, 1000, perDay, 10_000, EnumSet.allOf(DayOfWeek.class),
                LocalDate.of(2022, 1, 1), true, List.of(new Territory(TerritoryKind.CITY, city)), null));
    }

    static RuleCondition inCity(String city) {
        return new RuleCondition(LeadField.CITY, Operator.IN, List.of(city), null, null);
    }

    /** How many of these leads each rep owns (key null: not owned). */
    static Map<Long, Long> owners(JdbcClient jdbc, List<Long> ids) {
        Map<Long, Long> owners = new HashMap<>();
        jdbc.sql("SELECT owner_rep_id, count(*) AS n FROM lead WHERE id = ANY(:ids) GROUP BY owner_rep_id")
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    owners.put((Long) rs.getObject("owner_rep_id"), rs.getLong("n"));
                });
        return owners;
    }

    /** The key of the active rule set's rule with this name. */
    static String activeRuleKey(JdbcClient jdbc, String ruleName) {
        return jdbc.sql("""
                        SELECT r ->> 'key' FROM routing_rule_set s, jsonb_array_elements(s.rules) r
                        WHERE s.status = 'ACTIVE' AND r ->> 'name' = :name
                        """)
                .param("name", ruleName).query(String.class).single();
    }

    /** Waits for the other transaction of a race test to reach its point. */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
