package dev.fairlead.routing;

import static dev.fairlead.routing.RoutingFixtures.DIRECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.BatchOutcome;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadService;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Working hours in live routing: a lead that arrives on Saturday night waits, visibly, and is
 * routed when Monday's working period starts; a rep on duty takes it at once; calendars and
 * rotas are validated and kept within the caller's scope.
 */
@IntegrationTest
class WorkingHoursRoutingIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired RuleSetService ruleSets;
    @Autowired RoutingService routing;
    @Autowired WaitingLeads waiting;
    @Autowired MutableClock clock;
    @Autowired Api api;

    OrgFixtures.Org org;
    RuleSetView previous;
    Instant saturdayNight;
    Instant mondayMorning;

    @BeforeEach
    void shanghaiWorksNineToSixOnWeekdays() {
        org = fixtures.eastAndSouthChina();
        previous = ruleSets.active();
        RoutingFixtures.activate(ruleSets, "Working hours " + org.n(),
                RoutingFixtures.teamRule("Shanghai", org.shanghai().id(), StrategyKind.ROUND_ROBIN,
                        new RuleCondition(LeadField.CITY, Operator.IN, List.of("310100"), null, null)));
        ApiResponse set = api.as(org.admin().token()).put("/api/teams/" + org.company().id() + "/calendar",
                Map.of("startsAt", "09:00", "endsAt", "18:00", "timeZone", "Asia/Shanghai", "publicHolidays", true));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        LocalDate saturday = LocalDate.now(SHANGHAI).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        saturdayNight = saturday.atTime(22, 0).atZone(SHANGHAI).toInstant();
        mondayMorning = saturday.plusDays(2).atTime(9, 0).atZone(SHANGHAI).toInstant();
    }

    @AfterEach
    void restore() {
        clock.reset();
        ruleSets.activate(DIRECTOR, previous.id(), "restore");
        api.as(org.admin().token()).delete("/api/teams/" + org.company().id() + "/calendar");
    }

    @Test
    void aSaturdayNightLeadWaitsInTheQueueAndIsRoutedAtMondaysStart() {
        clock.advanceTo(saturdayNight);
        Lead lead = leads.create(RoutingFixtures.shanghaiLead("周六夜间询价有限公司 " + org.n()));

        Lead held = leads.getForSystem(lead.id());
        assertThat(held.ownerRepId()).isNull();
        assertThat(held.poolId()).isNull();
        AssignmentRecord first = routing.assignments(DIRECTOR, lead.id()).get(0);
        assertThat(first.outcome()).isEqualTo(Explanation.Outcome.WAITING);
        assertThat(first.explanation().why().code()).isEqualTo("waitingForWorkingHours");
        assertThat(first.explanation().why().args().get(0)).isEqualTo(mondayMorning.toString());

        ApiResponse queue = api.as(org.manager().token()).get("/api/routing/waiting");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("\"leadId\":" + lead.id());
        assertThat(api.as(org.southManager().token()).get("/api/routing/waiting").body()).doesNotContain("\"leadId\":" + lead.id());
        assertThat(api.as(org.rep().token()).get("/api/routing/waiting").status()).isEqualTo(403);
        String zh = api.as(org.manager().token()).language("zh-CN").get("/routing/leads/" + lead.id() + "/explanation").body();
        assertThat(zh).contains("等待工作时间").contains("周一");
        assertThat(api.as(org.manager().token()).language("zh-CN").get("/routing/home/waiting").body()).contains(lead.company());

        waiting.routeDue();
        assertThat(leads.getForSystem(lead.id()).ownerRepId()).as("nothing is routed before Monday").isNull();

        clock.advanceTo(mondayMorning.plusSeconds(30));
        waiting.routeDue();

        Lead routed = leads.getForSystem(lead.id());
        assertThat(routed.ownerRepId()).isIn(org.liNa().id(), org.wangWei().id(), org.emilyChen().id());
        AssignmentRecord second = routing.assignments(DIRECTOR, lead.id()).get(0);
        assertThat(second.outcome()).isEqualTo(Explanation.Outcome.ASSIGNED);
        assertThat(second.reason()).startsWith("Held for working hours since");
        assertThat(api.as(org.manager().token()).get("/api/routing/waiting").body()).doesNotContain("\"leadId\":" + lead.id());
    }

    @Test
    void anImportOnSaturdayNightWaitsAndABacktestReplaysThatNightAsItWouldBeRouted() {
        clock.advanceTo(saturdayNight);
        List<BatchOutcome> imported = leads.intakeAll(Viewer.system(), List.of(
                RoutingFixtures.shanghaiLead("周六夜间导入甲公司 " + org.n()), RoutingFixtures.shanghaiLead("周六夜间导入乙公司 " + org.n())),
                null, "import:test");
        List<Long> ids = imported.stream().map(BatchOutcome::leadId).toList();
        for (long id : ids) {
            Lead held = leads.getForSystem(id);
            assertThat(held.ownerRepId()).isNull();
            assertThat(held.poolId()).as("an imported night lead waits instead of going to the pool").isNull();
            assertThat(routing.assignments(DIRECTOR, id).get(0).outcome()).isEqualTo(Explanation.Outcome.WAITING);
        }
        assertThat(api.as(org.manager().token()).get("/api/routing/waiting").body())
                .contains("\"leadId\":" + ids.get(0)).contains("\"leadId\":" + ids.get(1));

        clock.advanceTo(mondayMorning.plusSeconds(30));
        waiting.routeDue();
        assertThat(ids).allSatisfy(id -> assertThat(leads.getForSystem(id).ownerRepId())
                .isIn(org.liNa().id(), org.wangWei().id(), org.emilyChen().id()));

        LocalDate saturday = saturdayNight.atZone(SHANGHAI).toLocalDate();
        ApiResponse started = api.as(org.director().token()).post("/api/routing/backtests",
                Map.of("ruleSetId", ruleSets.active().id(), "from", saturday.toString(), "to", saturday.toString()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long backtest = started.tree().path("id").asLong();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.as(org.director().token()).get("/api/routing/backtests/" + backtest).tree(),
                        run -> !"RUNNING".equals(run.path("status").asString()));
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        JsonNode replayed = done.path("active");
        assertThat(replayed.path("waited").asLong()).as("the night's leads wait in the replay too").isGreaterThanOrEqualTo(2);
        assertThat(replayed.path("assigned").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.as(org.director().token()).language("zh-CN").get("/routing/backtests/" + backtest).body())
                .contains("id=\"row-waited\"").contains("等待工作时间后分配");
    }

    @Test
    void theRepOnDutyTakesTheLeadAtOnce() {
        ApiResponse shift = api.as(org.manager().token()).post("/api/teams/" + org.shanghai().id() + "/duty-shifts",
                Map.of("repId", org.wangWei().id(), "startsAt", saturdayNight.minusSeconds(7200).toString(),
                        "endsAt", saturdayNight.plusSeconds(7200).toString(), "note", "周末值班"));
        assertThat(shift.status()).as(shift.body()).isEqualTo(201);
        clock.advanceTo(saturdayNight);

        Lead lead = leads.create(RoutingFixtures.shanghaiLead("周六值班接单有限公司 " + org.n()));

        assertThat(leads.getForSystem(lead.id()).ownerRepId()).isEqualTo(org.wangWei().id());
        assertThat(routing.assignments(DIRECTOR, lead.id()).get(0).explanation().rules().get(0).candidates())
                .anyMatch(c -> c.repId() == org.liNa().id() && !c.eligible());
        api.as(org.manager().token()).delete("/api/teams/" + org.shanghai().id() + "/duty-shifts/" + shift.tree().path("id").asLong());
    }

    @Test
    void calendarsAndRotasAreValidatedAndKeptInScope() {
        String path = "/api/teams/" + org.shanghai().id() + "/calendar";
        ApiResponse badZone = api.as(org.manager().token()).put(path,
                Map.of("startsAt", "09:00", "endsAt", "18:00", "timeZone", "Mars/Olympus"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.errorFields()).containsExactly("timeZone");
        ApiResponse backwards = api.as(org.manager().token()).put(path,
                Map.of("startsAt", "18:00", "endsAt", "09:00", "timeZone", "Asia/Shanghai"));
        assertThat(backwards.errorFields()).containsExactly("endsAt");
        assertThat(api.as(org.manager().token()).put(path, Map.of("startsAt", "9 o'clock", "timeZone", "Asia/Shanghai")).status())
                .isEqualTo(400);
        assertThat(api.as(org.rep().token()).put(path, Map.of("startsAt", "09:00", "endsAt", "18:00", "timeZone", "Asia/Shanghai"))
                .status()).isEqualTo(403);
        assertThat(api.as(org.southManager().token()).get(path).status()).isEqualTo(404);
        assertThat(api.as(org.manager().token()).get(path).tree().path("inherited").asBoolean()).isTrue();

        ApiResponse otherTeamsRep = api.as(org.manager().token()).post("/api/teams/" + org.shanghai().id() + "/duty-shifts",
                Map.of("repId", org.huJun().id(), "startsAt", saturdayNight.toString(), "endsAt", saturdayNight.plusSeconds(3600).toString()));
        assertThat(otherTeamsRep.status()).isEqualTo(400);
        assertThat(otherTeamsRep.errorFields()).containsExactly("repId");
        ApiResponse tooLong = api.as(org.manager().token()).post("/api/teams/" + org.shanghai().id() + "/duty-shifts",
                Map.of("repId", org.liNa().id(), "startsAt", saturdayNight.toString(), "endsAt", saturdayNight.plusSeconds(86400 * 11).toString()));
        assertThat(tooLong.errorFields()).containsExactly("endsAt");

        assertThat(api.as(org.manager().token()).put("/api/public-holidays/2026-12-31", Map.of("name", "跨年")).status()).isEqualTo(403);
        assertThat(api.as(org.director().token()).get("/api/public-holidays?year=2026").body()).contains("国庆节调休");
    }
}
