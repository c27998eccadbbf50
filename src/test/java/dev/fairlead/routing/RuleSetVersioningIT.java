package dev.fairlead.routing;

import static dev.fairlead.routing.RoutingFixtures.DIRECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.Lead;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.LeadService;
import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolCommand;
import dev.fairlead.pool.PoolService;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleSetVersioningIT {

    @Autowired OrgFixtures fixtures;
    @Autowired Api api;
    @Autowired LeadService leads;
    @Autowired RuleSetService ruleSets;
    @Autowired JdbcClient jdbc;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void draftIsActivatedThenRolledBackAndEveryStepIsAudited() {
        RuleSetView before = ruleSets.active();
        ApiResponse created = api.as(org.manager().token()).post("/api/routing/rule-sets", Map.of("name", "华东 2026 Q4"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.tree().path("id").asLong();
        assertThat(created.tree().path("status").asString()).isEqualTo("DRAFT");

        ApiResponse saved = api.as(org.manager().token()).put("/api/routing/rule-sets/" + id, Map.of(
                "name", "华东 2026 Q4", "rowVersion", created.tree().path("rowVersion").asInt(),
                "rules", List.of(Map.of("name", "Only Li Na", "targetKind", "REPS", "repIds", List.of(org.liNa().id()),
                        "strategy", "ROUND_ROBIN"))));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.tree().path("rules").get(0).path("key").asString()).startsWith("r-");

        ApiResponse byManager = api.as(org.manager().token()).post("/api/routing/rule-sets/" + id + "/activate", Map.of("reason", "季度调整"));
        assertThat(byManager.status()).as("the active rule set routes every team's leads: not a manager's to switch").isEqualTo(403);
        assertThat(ruleSets.active().id()).isEqualTo(before.id());
        assertThat(api.as(org.manager().token()).post("/api/routing/rule-sets/" + before.id() + "/activate", Map.of()).status()).isEqualTo(403);

        ApiResponse activated = api.as(org.director().token()).post("/api/routing/rule-sets/" + id + "/activate", Map.of("reason", "季度调整"));
        assertThat(activated.status()).isEqualTo(200);
        assertThat(ruleSets.get(before.id()).status()).isEqualTo(RuleSetStatus.RETIRED);
        Lead routedByNew = leads.create(RoutingFixtures.shenzhenLead("版本切换测试"));
        assertThat(leads.getForSystem(routedByNew.id()).ownerRepId()).isEqualTo(org.liNa().id());

        ApiResponse rolledBack = api.as(org.director().token()).post("/api/routing/rule-sets/" + before.id() + "/activate", Map.of("reason", "回滚"));
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(ruleSets.active().id()).isEqualTo(before.id());
        assertThat(ruleSets.get(id).status()).isEqualTo(RuleSetStatus.RETIRED);
        AssignmentRecord afterRollback = routingOf(leads.create(RoutingFixtures.shenzhenLead("回滚后测试")).id());
        assertThat(afterRollback.ruleSetVersion()).isEqualTo(before.version());

        assertThat(actions(id)).containsExactly("CREATE", "UPDATE", "ACTIVATE");
        assertThat(actions(before.id())).endsWith("ROLLBACK");
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE entity_type = 'ruleSet' AND entity_id = :id AND action = 'ACTIVATE'")
                .param("id", String.valueOf(id)).query(String.class).single()).isEqualTo("季度调整");
    }

    @Test
    void everyProblemOfADraftIsReportedAtOnceWithItsField() {
        long id = api.as(org.manager().token()).post("/api/routing/rule-sets", Map.of()).tree().path("id").asLong();

        ApiResponse response = api.as(org.manager().token()).language("zh-CN").put("/api/routing/rule-sets/" + id, Map.of(
                "name", "有问题的草稿",
                "rules", List.of(
                        Map.of("name", "", "targetKind", "TEAM", "strategy", "LEAST_LOADED"),
                        Map.of("name", "Range without bounds", "targetKind", "TEAM", "teamId", org.shenzhen().id(), "strategy", "BEST_FIT",
                                "guardMultiple", 0.5, "conditions", List.of(Map.of("field", "BUDGET", "operator", "RANGE"))))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).contains("rules[0].name", "rules[0].teamId", "rules[1].teamId",
                "rules[1].conditions[0].min", "rules[1].guardMultiple");
        assertThat(response.errorMessage("rules[1].conditions[0].min")).isEqualTo("范围条件需要最小值或最大值");
    }

    @Test
    void anActiveVersionCannotBeEditedAndRepsCannotChangeRules() {
        RuleSetView active = ruleSets.active();

        ApiResponse edit = api.as(org.director().token()).put("/api/routing/rule-sets/" + active.id(),
                Map.of("name", "x", "rules", List.of()));
        ApiResponse asRep = api.as(org.rep().token()).post("/api/routing/rule-sets", Map.of());

        assertThat(edit.status()).isEqualTo(409);
        assertThat(asRep.status()).isEqualTo(403);
        assertThat(api.as(org.rep().token()).get("/api/routing/rule-sets").status()).isEqualTo(200);
    }

    @Test
    void editorAndExplanationPagesRender() {
        RuleSetView draft = ruleSets.createDraft(DIRECTOR, null, "页面草稿");
        ruleSets.updateDraft(DIRECTOR, draft.id(), new RuleSetCommand("页面草稿", List.of(
                RoutingFixtures.teamRule("深圳组", org.shenzhen().id(), dev.fairlead.routing.domain.StrategyKind.TIERED,
                        new RuleCondition(dev.fairlead.routing.domain.LeadField.SCORE, dev.fairlead.routing.domain.Operator.RANGE,
                                List.of(), 60.0, null))), null));
        Lead lead = leads.create(RoutingFixtures.shanghaiLead("页面测试有限公司"));
        // Whatever rule set other tests left active, put the lead in this manager's team.
        routing.assign(DIRECTOR, lead.id(), new ManualAssignment(org.liNa().id(), "页面测试：交给李娜", true));
        Api.Request manager = api.as(org.manager().token()).language("zh-CN");

        assertThat(manager.get("/routing/rule-sets").body()).contains("分配规则").contains("页面草稿");
        assertThat(manager.get("/routing/rule-sets/" + draft.id()).body()).contains("按等级分层").contains("评分 介于 60")
                .contains("id=\"activation-by-directors\"").contains("请总监或管理员审阅").doesNotContain("id=\"activate\"");
        assertThat(api.as(org.director().token()).language("zh-CN").get("/routing/rule-sets/" + draft.id()).body())
                .contains("id=\"activate\"").doesNotContain("id=\"activation-by-directors\"");
        assertThat(manager.get("/routing/rule-sets/" + draft.id() + "/rules/0").body()).contains("name=\"conditionField\"");
        assertThat(manager.get("/routing/rule-sets/" + draft.id() + "/rules/new").status()).isEqualTo(200);
        ApiResponse panel = manager.get("/routing/leads/" + lead.id() + "/explanation");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("id=\"assignment-panel\"").contains("分配过程").doesNotContain("<html");
        assertThat(manager.get("/routing/leads/" + lead.id()).body()).contains("分配结果与理由");
        assertThat(manager.get("/routing/ledger").status()).isEqualTo(200);
        assertThat(api.as(org.southManager().token()).get("/routing/leads/" + lead.id() + "/explanation").status()).isEqualTo(404);
    }

    @Test
    void aManagerSavesADraftThatKeepsRulesForTeamsOutsideHerScopeButCannotPointARuleThereAnew() {
        RuleSetView draft = ruleSets.createDraft(DIRECTOR, null, "全公司草稿");
        RuleSetView withSouth = ruleSets.updateDraft(DIRECTOR, draft.id(), new RuleSetCommand("全公司草稿", List.of(
                RoutingFixtures.teamRule("华南", org.southChina().id(), dev.fairlead.routing.domain.StrategyKind.ROUND_ROBIN),
                RoutingFixtures.repsRule("胡军", List.of(org.huJun().id()), dev.fairlead.routing.domain.StrategyKind.ROUND_ROBIN)), null));
        Map<String, Object> south = Map.of("key", withSouth.rules().get(0).key(), "name", "华南", "targetKind", "TEAM",
                "teamId", org.southChina().id(), "strategy", "ROUND_ROBIN");
        Map<String, Object> huJun = Map.of("key", withSouth.rules().get(1).key(), "name", "胡军", "targetKind", "REPS",
                "repIds", List.of(org.huJun().id()), "strategy", "ROUND_ROBIN");
        Map<String, Object> mine = Map.of("name", "上海", "targetKind", "TEAM", "teamId", org.shanghai().id(), "strategy", "ROUND_ROBIN");

        ApiResponse kept = api.as(org.manager().token()).put("/api/routing/rule-sets/" + draft.id(), Map.of(
                "name", "全公司草稿", "rowVersion", withSouth.rowVersion(), "rules", List.of(mine, south, huJun)));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);

        Map<String, Object> anew = Map.of("name", "深圳", "targetKind", "TEAM", "teamId", org.shenzhen().id(), "strategy", "ROUND_ROBIN");
        ApiResponse pointed = api.as(org.manager().token()).put("/api/routing/rule-sets/" + draft.id(), Map.of(
                "name", "全公司草稿", "rowVersion", kept.tree().path("rowVersion").asInt(), "rules", List.of(mine, south, huJun, anew)));
        assertThat(pointed.status()).as(pointed.toString()).isEqualTo(400);
        assertThat(pointed.body()).contains("rules[3].teamId");
    }

    @Test
    void theRuleEditorNamesTeamsRepsAndPoolsEvenOutsideTheManagersTeam() {
        Pool south = pools.create(Viewer.system(), new PoolCommand("华南公海 South pool #" + org.n(), null, 5, null, false, 7,
                List.of(org.southChina().id()), List.of(), null));
        RuleDefinition toSouthPool = new RuleDefinition(null, "华南公海", null, List.of(), TargetKind.POOL, null, false, List.of(),
                south.id(), dev.fairlead.routing.domain.StrategyKind.ROUND_ROBIN, false, false, null, null, null, null, null);
        RuleSetView draft = ruleSets.createDraft(DIRECTOR, null, "名称草稿");
        ruleSets.updateDraft(DIRECTOR, draft.id(), new RuleSetCommand("名称草稿", List.of(
                RoutingFixtures.teamRule("华东大区", org.eastChina().id(), dev.fairlead.routing.domain.StrategyKind.ROUND_ROBIN),
                RoutingFixtures.repsRule("指定", List.of(org.huJun().id(), org.liNa().id()), dev.fairlead.routing.domain.StrategyKind.ROUND_ROBIN),
                toSouthPool, RoutingFixtures.poolRule("默认")), null));
        Api.Request manager = api.as(org.manager().token()).language("zh-CN"); // runs 上海一组, below 华东大区; 胡军 and the pool are South China's

        String page = manager.get("/routing/rule-sets/" + draft.id()).body().replaceAll("<[^>]+>", ""); // names sit in their own translate="no" spans
        assertThat(page).contains("团队 华东大区 East China （含下级团队）").contains("指定销售 胡军, 李娜")
                .contains("公海池 华南公海 South pool #" + org.n()).doesNotContain("团队 #").doesNotContain("公海池 #");
        assertThat(selected(manager.get("/routing/rule-sets/" + draft.id() + "/rules/0").body(), "teamId"))
                .containsExactly("华东大区 East China");
        assertThat(selected(manager.get("/routing/rule-sets/" + draft.id() + "/rules/1").body(), "repIds"))
                .containsExactlyInAnyOrder("胡军", "李娜 · 上海一组 Shanghai 1");
        assertThat(selected(manager.get("/routing/rule-sets/" + draft.id() + "/rules/2").body(), "poolId"))
                .containsExactly("华南公海 South pool #" + org.n());
        String defaultPool = pools.listForLabels().stream().filter(Pool::isDefault).findFirst().orElseThrow().name();
        assertThat(defaultPool).as("stored as the migration wrote it").isEqualTo("公海 Company pool");
        defaultPool = "公海"; // and read in the reader's language (decision 0013)
        assertThat(page).contains("公海池 " + defaultPool).doesNotContain("Company pool");
        assertThat(manager.get("/routing/rule-sets/" + draft.id() + "/rules/3").body()).contains(defaultPool + "（默认）").doesNotContain("公海池编号");
    }

    /** The text of the options selected in the form's select named {@code name}. */
    private static List<String> selected(String page, String name) {
        java.util.regex.Matcher select = java.util.regex.Pattern.compile("<select[^>]*name=\"" + name + "\"[^>]*>(.*?)</select>",
                java.util.regex.Pattern.DOTALL).matcher(page);
        assertThat(select.find()).as("select " + name).isTrue();
        java.util.regex.Matcher option = java.util.regex.Pattern.compile("<option[^>]*selected=\"selected\"[^>]*>([^<]*)</option>")
                .matcher(select.group(1));
        List<String> texts = new java.util.ArrayList<>();
        while (option.find()) {
            texts.add(option.group(1));
        }
        return texts;
    }

    @Autowired PoolService pools;
    @Autowired RoutingService routing;

    private AssignmentRecord routingOf(long leadId) {
        return routing.assignments(DIRECTOR, leadId).get(0);
    }

    private List<String> actions(long ruleSetId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'ruleSet' AND entity_id = :id ORDER BY id")
                .param("id", String.valueOf(ruleSetId)).query(String.class).list();
    }
}
