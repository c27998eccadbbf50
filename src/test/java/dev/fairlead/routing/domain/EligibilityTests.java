package dev.fairlead.routing.domain;

import static dev.fairlead.routing.domain.Fixtures.WEDNESDAY;
import static dev.fairlead.routing.domain.Fixtures.lead;
import static dev.fairlead.routing.domain.Fixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityTests {

    private static final LocalDate DAY = WEDNESDAY.toLocalDate();
    private final Rule plain = Fixtures.rule("r", StrategyKind.LEAST_LOADED, Fixtures.shanghaiTeam());
    private final Rule territoryAndSkill = new Rule("r", "r", Match.ALL, List.of(), Fixtures.shanghaiTeam(),
            StrategyKind.LEAST_LOADED, true, true, null);

    @Test
    void excludesInactiveRep() {
        assertExcluded(EligibilityPolicies.MUST_BE_ACTIVE.check(rep(1, "李娜").inactive().build(), lead(1).build(), plain, DAY),
                "active", "inactive");
    }

    @Test
    void excludesRepOutOfOfficeAndAdmitsThemTheDayAfter() {
        RepState away = rep(1, "李娜").away(DAY.minusDays(2), DAY).build();
        assertExcluded(EligibilityPolicies.NOT_OUT_OF_OFFICE.check(away, lead(1).build(), plain, DAY), "notOutOfOffice", "outOfOffice");
        assertThat(EligibilityPolicies.NOT_OUT_OF_OFFICE.check(away, lead(1).build(), plain, DAY.plusDays(1)).eligible()).isTrue();
    }

    @Test
    void excludesRepOnTheirDayOff() {
        RepState weekendsOff = rep(1, "李娜").works(DayOfWeek.MONDAY, DayOfWeek.TUESDAY).build();
        assertExcluded(EligibilityPolicies.WORKS_TODAY.check(weekendsOff, lead(1).build(), plain, DAY), "worksToday", "notWorkingDay");
    }

    @Test
    void excludesRepAtOpenDailyOrMonthlyCap() {
        LeadFacts lead = lead(1).build();
        assertExcluded(EligibilityPolicies.WITHIN_OPEN_LEAD_CAP.check(rep(1, "a").caps(10, 5, 50).load(10, 0, 0).build(), lead, plain, DAY),
                "withinOpenLeadCap", "openCapReached");
        assertExcluded(EligibilityPolicies.WITHIN_DAILY_CAP.check(rep(1, "a").caps(10, 5, 50).load(3, 5, 5).build(), lead, plain, DAY),
                "withinDailyCap", "dailyCapReached");
        assertExcluded(EligibilityPolicies.WITHIN_MONTHLY_CAP.check(rep(1, "a").caps(100, 5, 50).load(3, 1, 50).build(), lead, plain, DAY),
                "withinMonthlyCap", "monthlyCapReached");
        assertThat(EligibilityPolicy.all(EligibilityPolicies.standard(), rep(1, "a").caps(10, 5, 50).load(9, 4, 49).build(), lead, plain, DAY)
                .eligible()).isTrue();
    }

    @Test
    void rejectsRepOutsideTerritoryOnlyWhenTheRuleAsks() {
        RepState shenzhen = rep(1, "胡军").cities("440300").build();
        LeadFacts shanghaiLead = lead(1).build();
        assertExcluded(EligibilityPolicies.TERRITORY_MUST_MATCH.check(shenzhen, shanghaiLead, territoryAndSkill, DAY),
                "territoryMustMatch", "outsideTerritory");
        assertThat(EligibilityPolicies.TERRITORY_MUST_MATCH.check(shenzhen, shanghaiLead, plain, DAY).eligible()).isTrue();
        assertThat(EligibilityPolicies.TERRITORY_MUST_MATCH.check(rep(2, "李娜").provinces("310000").build(), shanghaiLead,
                territoryAndSkill, DAY).eligible()).isTrue();
    }

    @Test
    void rejectsRepWithoutTheLeadsIndustryOrProductWhenTheRuleAsks() {
        RepState retail = rep(1, "王伟").skills(Set.of("retail"), Set.of("crm")).build();
        RepState noErp = rep(2, "李娜").skills(Set.of("manufacturing"), Set.of("crm")).build();
        assertExcluded(EligibilityPolicies.SKILL_MUST_MATCH.check(retail, lead(1).build(), territoryAndSkill, DAY), "skillMustMatch", "industryMismatch");
        assertExcluded(EligibilityPolicies.SKILL_MUST_MATCH.check(noErp, lead(1).product("ERP").build(), territoryAndSkill, DAY),
                "skillMustMatch", "productMismatch");
        assertThat(EligibilityPolicies.SKILL_MUST_MATCH.check(noErp, lead(1).product("CRM").build(), territoryAndSkill, DAY).eligible()).isTrue();
    }

    @Test
    void reportsTheFirstReasonInPolicyOrder() {
        RepState inactiveAndFull = rep(1, "李娜").inactive().caps(1, 1, 1).load(1, 1, 1).build();
        Eligibility e = EligibilityPolicy.all(EligibilityPolicies.standard(), inactiveAndFull, lead(1).build(), plain, DAY);
        assertExcluded(e, "active", "inactive");
    }

    private static void assertExcluded(Eligibility e, String policy, String code) {
        assertThat(e).isInstanceOf(Eligibility.Excluded.class);
        assertThat(((Eligibility.Excluded) e).policy()).isEqualTo(policy);
        assertThat(((Eligibility.Excluded) e).reason().code()).isEqualTo(code);
    }
}
