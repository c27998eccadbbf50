package dev.fairlead.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.ChartPages;
import dev.fairlead.support.Html;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The scorecard pages as a rep (zh-CN), a manager and a director read and use them. */
@IntegrationTest
@Import(WorkLeadFixtures.class)
@TestPropertySource(properties = {"fairlead.jobs.enabled=false", "fairlead.test.context=performance"})
class PerformancePagesIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;

    @Test
    void aRepReadsTheirScorecardAndTheNextStepInChineseAndAManagerTheTeamsAndADirectorEditsAndSimulates() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        long scheme = activeScheme(org);
        Lead lead = leads.lead();
        ownership.assign(lead.id(), org.liNa().id(), "assigned by the manager", false);
        assertThat(api.as(org.rep().token()).post("/api/leads/" + lead.id() + "/follow-ups",
                Map.of("kind", "VISIT", "outcome", "POSITIVE", "notes", "拜访客户")).status()).isEqualTo(201);

        Api.Request rep = ChartPages.signIn(api, org.rep().username(), "zh-CN");
        ApiResponse mine = rep.get("/performance");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("我的考核").contains("再 1 次拜访 → +10 分（下一档）").contains("拜访：实际 1，目标 4，达成 25%。");
        JsonNode chart = ChartPages.data(mine, "scorecard-chart");
        assertThat(ChartPages.labels(chart)).containsExactly("拜访", "跟进次数");
        assertThat(ChartPages.series(chart, 0)).containsExactly(0.0, 10.0);
        assertThat(rep.get("/performance/team").status()).isEqualTo(403);
        assertThat(rep.get("/performance/schemes").status()).isEqualTo(403);
        assertThat(rep.get("/performance/reps/" + org.wangWei().id()).status()).isEqualTo(404);

        Api.Request manager = ChartPages.signIn(api, org.manager().username(), "en");
        ApiResponse team = manager.get("/performance/team?sort=name");
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).contains("Team scorecards").contains("id=\"team-row-" + org.liNa().id() + "\"")
                .contains("id=\"team-row-" + org.emilyChen().id() + "\"").doesNotContain("id=\"team-row-" + org.huJun().id() + "\"");
        assertThat(team.body().indexOf("team-row-" + org.emilyChen().id())).isLessThan(team.body().indexOf("team-row-" + org.liNa().id()));
        assertThat(manager.get("/performance/reps/" + org.liNa().id()).body()).contains("Visits: 1 more → +10 points (next step)");
        assertThat(ChartPages.signIn(api, org.southManager().username(), "en").get("/performance/reps/" + org.liNa().id()).status())
                .isEqualTo(404);

        Api.Request director = ChartPages.signIn(api, org.director().username(), "zh-CN");
        ApiResponse list = director.get("/performance/schemes");
        assertThat(list.body()).contains("id=\"scheme-" + scheme + "\"");
        ApiResponse copied = director.postForm("/performance/schemes", Map.of("basedOn", String.valueOf(scheme), "_csrf", Html.csrfInput(list.body())));
        assertThat(copied.location()).matches(".*/performance/schemes/\\d+$");
        String draftPath = copied.location().replaceAll("^https?://[^/]+", "");
        ApiResponse draft = director.get(draftPath);
        assertThat(draft.body()).contains("草稿").contains("id=\"save-scheme\"");

        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", Html.csrfInput(draft.body()), "name", "拜访加码 " + org.n(),
                "use.VISITS", "on", "weight.VISITS", "60", "target.VISITS", "1", "curve.VISITS", "LINEAR", "cap.VISITS", "100"));
        form.putAll(Map.of("use.FOLLOW_UPS", "on", "weight.FOLLOW_UPS", "30", "target.FOLLOW_UPS", "1", "curve.FOLLOW_UPS", "LINEAR",
                "cap.FOLLOW_UPS", "100"));
        director.postForm(draftPath, form);
        assertThat(director.get(draftPath).body()).contains("权重合计 90%，必须正好是 100%。");
        form.put("weight.FOLLOW_UPS", "40");
        director.postForm(draftPath, form);
        ApiResponse saved = director.get(draftPath);
        assertThat(saved.body()).contains("已保存").contains("权重合计 100%。");
        director.postForm(draftPath + "/simulate", Map.of("_csrf", Html.csrfInput(saved.body())));
        ApiResponse simulated = director.get(draftPath);
        assertThat(simulated.body()).contains("id=\"simulation-rows\"").contains("id=\"simulation-" + org.liNa().id() + "\"");
    }

    private long activeScheme(OrgFixtures.Org org) {
        Map<String, Object> visits = Map.of("metric", "VISITS", "weight", 20, "targets", Map.of("target", 4), "curve", "STEPS",
                "steps", List.of(Map.of("atPercent", 50, "paysPercent", 50), Map.of("atPercent", 100, "paysPercent", 100)));
        Map<String, Object> followUps = Map.of("metric", "FOLLOW_UPS", "weight", 80, "targets", Map.of("target", 8), "curve", "LINEAR",
                "capPercent", 100);
        String director = org.director().token();
        long id = api.as(director).post("/api/performance/schemes", Map.of("name", "页面考核 " + org.n(), "audience", "REGULAR",
                "periodKind", "MONTH", "dimensions", List.of(visits, followUps))).tree().path("id").asLong();
        assertThat(api.as(director).post("/api/performance/schemes/" + id + "/activate", Map.of()).status()).isEqualTo(200);
        return id;
    }
}
