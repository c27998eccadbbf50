package dev.fairlead.routing;

import static dev.fairlead.routing.RoutingFixtures.DIRECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairlead.leads.LeadService;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class BacktestIT {

    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired dev.fairlead.leads.LeadOwnership ownership;
    @Autowired RuleSetService ruleSets;
    @Autowired Api api;
    @Autowired Clock clock;

    @Test
    void draftAndActiveRulesReplayTheSameLeadsInTheBackgroundAndAreComparedSideBySide() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        for (int i = 0; i < 25; i++) {
            leads.create(i % 2 == 0 ? RoutingFixtures.shanghaiLead("回测客户 " + i) : RoutingFixtures.shenzhenLead("回测客户 " + i));
        }
        RuleSetView draft = ruleSets.createDraft(DIRECTOR, null, "只给李娜");
        ruleSets.updateDraft(DIRECTOR, draft.id(), new RuleSetCommand("只给李娜", List.of(
                RoutingFixtures.repsRule("Li Na only", List.of(org.liNa().id()), StrategyKind.ROUND_ROBIN)), null));
        LocalDate today = LocalDate.now(clock);

        ApiResponse started = api.as(org.director().token()).post("/api/routing/backtests",
                Map.of("ruleSetId", draft.id(), "from", today.minusDays(1).toString(), "to", today.toString()));

        assertThat(started.status()).isEqualTo(202);
        long id = started.tree().path("id").asLong();
        JsonNode done = finished(org.director(), id);
        assertThat(done.has("scopeTeamId") && !done.path("scopeTeamId").isNull()).as("a director's backtest covers the company").isFalse();
        JsonNode candidate = done.path("candidate");
        JsonNode active = done.path("active");
        assertThat(candidate.path("leads").asLong()).isEqualTo(active.path("leads").asLong()).isGreaterThanOrEqualTo(25);
        assertThat(candidate.path("assigned").asLong()).as("Li Na's daily cap").isEqualTo(org.liNa().maxNewPerDay());
        assertThat(candidate.path("capViolations").asLong()).isZero();
        assertThat(active.path("capViolations").asLong()).isZero();
        assertThat(candidate.path("pooledShare").asDouble()).isGreaterThan(0.5);
        assertThat(candidate.path("giniByTier").path("REGULAR").asDouble()).isGreaterThan(0.5);
        assertThat(candidate.path("reps").valueStream().filter(r -> r.path("repId").asLong() == org.liNa().id())
                .findFirst().orElseThrow().path("leads").asLong()).isEqualTo(org.liNa().maxNewPerDay());

        String page = api.as(org.director().token()).language("zh-CN").get("/routing/backtests/" + id).body();
        assertThat(page).contains("完成").contains("id=\"backtest-chart\"").contains("预期价值基尼系数");
    }

    @Test
    void aManagersBacktestReplaysOnlyTheirTeamsLeadsAmongTheirTeamsRepsAndNoOtherManagerReadsIt() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        for (int i = 0; i < 10; i++) {
            var lead = leads.create(i < 6 ? RoutingFixtures.shanghaiLead("范围回测 " + i) : RoutingFixtures.shenzhenLead("范围回测 " + i));
            ownership.assign(lead.id(), (i < 3 ? org.liNa() : i < 6 ? org.emilyChen() : org.huJun()).id(), "test", false);
        }
        RuleSetView draft = ruleSets.createDraft(DIRECTOR, null, "全公司最少负载");
        ruleSets.updateDraft(DIRECTOR, draft.id(), new RuleSetCommand("全公司最少负载", List.of(
                RoutingFixtures.teamRule("Whole company, least loaded", org.company().id(), StrategyKind.LEAST_LOADED)), null));
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> request = Map.of("ruleSetId", draft.id(), "from", today.minusDays(1).toString(), "to", today.toString());

        long mine = api.as(org.manager().token()).post("/api/routing/backtests", request).tree().path("id").asLong();
        JsonNode scoped = finished(org.manager(), mine);
        assertThat(scoped.path("scopeTeamId").asLong()).isEqualTo(org.shanghai().id());
        assertThat(scoped.path("candidate").path("leads").asLong()).as("the leads 上海一组 and the team below it owned").isEqualTo(6);
        assertThat(scoped.path("candidate").path("reps").valueStream().map(r -> r.path("repId").asLong()).toList())
                .as("no rep of another team, with their leads and value")
                .containsExactlyInAnyOrder(org.liNa().id(), org.wangWei().id(), org.emilyChen().id());

        assertThat(api.as(org.southManager().token()).get("/api/routing/backtests/" + mine).status()).isEqualTo(404);
        assertThat(api.as(org.rep().token()).get("/api/routing/backtests/" + mine).status()).isEqualTo(403);
        assertThat(api.as(org.southManager().token()).get("/routing/backtests/" + mine).status()).isEqualTo(404);

        long company = api.as(org.director().token()).post("/api/routing/backtests", request).tree().path("id").asLong();
        JsonNode all = finished(org.director(), company);
        assertThat(all.path("candidate").path("leads").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(all.path("candidate").path("reps").valueStream().map(r -> r.path("repId").asLong()).toList()).contains(org.huJun().id());
        assertThat(api.as(org.manager().token()).get("/api/routing/backtests/" + company).status())
                .as("a manager does not read the company-wide replay").isEqualTo(404);
    }

    private JsonNode finished(OrgFixtures.Login who, long id) {
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.as(who.token()).get("/api/routing/backtests/" + id).tree(),
                        run -> !"RUNNING".equals(run.path("status").asString()));
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        return done;
    }

    @Test
    void aBacktestNeedsAPeriodThatEndsAfterItStarts() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        ApiResponse response = api.as(org.manager().token()).post("/api/routing/backtests",
                Map.of("ruleSetId", ruleSets.active().id(), "from", "2026-11-10", "to", "2026-11-01"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("to");
    }
}
