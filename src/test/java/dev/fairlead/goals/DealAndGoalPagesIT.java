package dev.fairlead.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every deal and goal page renders for the roles that use it, in both languages, and the htmx fragments work. */
@IntegrationTest
class DealAndGoalPagesIT {

    @Autowired java.time.Clock clock;

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;

    @Test
    void dealPagesRenderAndTheBoardMovesADealThroughHtmx() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String rep = org.rep().token();
        Lead lead = leads.create(new LeadCommand(LeadSource.EVENT, "南京新华印务" + org.n() + "有限公司", "刘芳", null, "13911112222", null,
                null, null, null, null, null, "analytics", new BigDecimal("88000"), List.of()));
        ownership.assign(lead.id(), org.liNa().id(), "test", false);

        assertThat(api.as(rep).get("/leads/" + lead.id()).body()).contains("/deals/leads/" + lead.id() + "/panel");
        ApiResponse panel = api.as(rep).language("zh-CN").get("/deals/leads/" + lead.id() + "/panel");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("转为商机").contains("暂无商机");
        ApiResponse converted = api.as(rep).header("HX-Request", "true")
                .postForm("/deals/leads/" + lead.id() + "/convert", Map.of("amount", "88000", "currency", "CNY"));
        assertThat(converted.status()).isEqualTo(200);
        assertThat(converted.body()).contains("南京新华印务").contains("Initial contact");
        long dealId = api.as(rep).get("/api/deals?leadId=" + lead.id()).tree().get(0).path("id").asLong();

        for (String page : List.of("/deals", "/deals/board", "/deals/" + dealId, "/deals/new", "/deals/" + dealId + "/edit",
                "/deals/funnel?by=TEAM", "/deals/funnel?by=MONTH")) {
            ApiResponse en = api.as(rep).language("en").get(page);
            assertThat(en.status()).as(page + " " + en.body()).isEqualTo(200);
            ApiResponse zh = api.as(rep).language("zh-CN").get(page);
            assertThat(zh.status()).as(page).isEqualTo(200);
        }
        assertThat(api.as(org.manager().token()).get("/deals/pipeline?teamId=" + org.shanghai().id()).body()).contains("needs | Needs confirmed | 需求确认 | 30");

        ApiResponse board = api.as(rep).header("HX-Request", "true").postForm("/deals/" + dealId + "/stage", Map.of("stage", "proposal"));
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("id=\"deal-board\"").contains("deal-card-" + dealId);
        assertThat(api.as(rep).get("/api/deals/" + dealId).tree().path("stage").asString()).isEqualTo("proposal");
        ApiResponse noReason = api.as(rep).header("HX-Request", "true").postForm("/deals/" + dealId + "/stage", Map.of("stage", "lost"));
        assertThat(noReason.body()).contains("board-error").contains("say why the deal was lost");

        ApiResponse export = api.as(rep).get("/deals/funnel/export?by=REP");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).contains("spreadsheetml");
    }

    @Test
    void goalPagesRenderForDirectorManagerAndRep() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String director = org.director().token();
        String month = LocalDate.now(clock).toString().substring(0, 7);
        long goal = api.as(director).post("/api/goals", Map.of("metric", "REVENUE", "teamId", org.shanghai().id(), "period", month,
                "target", 300000, "base", 250000, "stretch", 360000)).tree().path("id").asLong();
        api.as(director).post("/api/goals/" + goal + "/split", Map.of("axis", "ORG", "method", "EQUAL"));
        long child = api.as(director).get("/api/goals/" + goal + "/children").tree().get(0).path("goal").path("id").asLong();

        for (String page : List.of("/goals", "/goals?period=" + month, "/goals/" + goal, "/goals/" + child, "/goals/mine", "/goals/team",
                "/goals/potentials", "/goals/" + goal + "/suggestions", "/goals/" + goal + "/rows?depth=1")) {
            for (String language : List.of("en", "zh-CN")) {
                ApiResponse r = api.as(director).language(language).get(page);
                assertThat(r.status()).as(page + " " + language + " " + r.body()).isEqualTo(200);
            }
        }
        assertThat(api.as(director).get("/goals/" + goal).body()).contains("id=\"goal-gap\"").contains("add up exactly");
        ApiResponse adjusted = api.as(director).postForm("/goals/" + child + "/adjust?back=" + goal, Map.of("target", "150000", "reason", "大客户续约"));
        assertThat(adjusted.status()).isEqualTo(302);
        assertThat(api.as(director).language("zh-CN").get("/goals/" + goal).body()).contains("与目标值相差");
        ApiResponse created = api.as(director).postForm("/goals", Map.of("metric", "", "unit", "", "period", "", "target", ""));
        assertThat(created.body()).contains("a SMART goal needs a metric").contains("a SMART goal needs a period");

        assertThat(api.as(org.manager().token()).get("/goals/team").status()).isEqualTo(200);
        ApiResponse mine = api.as(org.rep().token()).language("zh-CN").get("/goals/mine");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("my-goal-");
        assertThat(api.as(org.rep().token()).get("/goals/" + goal).status()).isEqualTo(404);
    }
}
