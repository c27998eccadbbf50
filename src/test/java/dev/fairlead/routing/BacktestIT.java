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

        ApiResponse started = api.as(org.manager().token()).post("/api/routing/backtests",
                Map.of("ruleSetId", draft.id(), "from", today.minusDays(1).toString(), "to", today.toString()));

        assertThat(started.status()).isEqualTo(202);
        long id = started.tree().path("id").asLong();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.as(org.manager().token()).get("/api/routing/backtests/" + id).tree(),
                        run -> !"RUNNING".equals(run.path("status").asString()));
        assertThat(done.path("status").asString()).isEqualTo("DONE");
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

        String page = api.as(org.manager().token()).language("zh-CN").get("/routing/backtests/" + id).body();
        assertThat(page).contains("完成").contains("id=\"backtest-chart\"").contains("预期价值基尼系数");
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
