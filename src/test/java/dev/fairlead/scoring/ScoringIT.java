package dev.fairlead.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.Behaviour;
import dev.fairlead.leads.BehaviourKind;
import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.LeadFixtures;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(7_000_000);

    @Autowired java.time.Clock clock;

    @Autowired
    Api api;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    LeadService leads;

    @Autowired
    LeadOwnership ownership;

    @Autowired
    JdbcClient jdbc;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    private long closedLeads() {
        return jdbc.sql("SELECT count(*) FROM lead WHERE status IN ('CONVERTED', 'LOST') AND duplicate_of IS NULL").query(Long.class).single();
    }

    /** Large companies that asked for a demo were won; small ones without a demo were lost; a few exceptions. */
    private void closeHistory(int count) {
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            boolean large = random.nextBoolean();
            boolean demo = random.nextBoolean();
            boolean won = (large && demo) != (random.nextInt(20) == 0);
            int n = SEQUENCE.incrementAndGet();
            List<Behaviour> behaviours = demo
                    ? List.of(new Behaviour(BehaviourKind.DEMO_REQUEST, null, clock.instant().minus(3, ChronoUnit.DAYS))) : List.of();
            long id = leads.intake(dev.fairlead.common.Viewer.system(), new LeadCommand(LeadSource.EVENT, "历史客户" + n + "有限公司", "历史联系人" + n, null,
                    "136" + String.format("%08d", n), null, "制造业", large ? CompanySize.LARGE : CompanySize.SMALL, "32", null, null,
                    null, new BigDecimal("100000"), behaviours), null, "test").lead().id();
            ownership.changeStatus(id, won ? LeadStatus.CONVERTED : LeadStatus.LOST, "history");
        }
    }

    @Test
    void fallsBackToTheRuleScoreBelowTheMinimumAndReportsHeldOutAccuracyAboveIt() {
        long before = closedLeads();
        ApiResponse early = api.as(org.director().token()).post("/api/scoring/model/retrain", "");
        assertThat(early.status()).as(early.toString()).isEqualTo(200);
        assertThat(early.tree().path("closedLeads").asLong()).isEqualTo(before);
        if (before < 50) {
            assertThat(early.tree().path("sufficient").asBoolean()).isFalse();
            long lead = create();
            assertThat(api.as(org.director().token()).get("/api/scoring/leads/" + lead).tree().path("prediction").isMissingNode()).isTrue();
            assertThat(api.as(org.director().token()).get("/scoring/leads/" + lead + "/panel").body()).contains("needs at least 50");
        }

        closeHistory(200);
        ApiResponse trained = api.as(org.director().token()).post("/api/scoring/model/retrain", "");

        JsonNode report = trained.tree();
        assertThat(report.path("sufficient").asBoolean()).isTrue();
        assertThat(report.path("closedLeads").asLong()).isEqualTo(before + 200);
        assertThat(report.path("testSize").asInt()).isEqualTo((int) (before + 200) / 5);
        assertThat(report.path("auc").asDouble()).isGreaterThan(0.8);
        assertThat(report.path("logLoss").asDouble()).isPositive();
        String page = api.as(org.director().token()).get("/scoring").body();
        assertThat(page).contains("id=\"model-accuracy\"").contains("AUC");

        int n = SEQUENCE.incrementAndGet();
        long likely = leads.intake(dev.fairlead.common.Viewer.system(), new LeadCommand(LeadSource.EVENT, "新客户" + n, "新联系人" + n, null, "136" + String.format("%08d", n),
                null, "制造业", CompanySize.LARGE, "32", null, null, null, new BigDecimal("100000"),
                List.of(new Behaviour(BehaviourKind.DEMO_REQUEST, null, clock.instant()))), null, "test").lead().id();
        n = SEQUENCE.incrementAndGet();
        long unlikely = leads.intake(dev.fairlead.common.Viewer.system(), new LeadCommand(LeadSource.EVENT, "新客户" + n, "新联系人" + n, null, "136" + String.format("%08d", n),
                null, "制造业", CompanySize.SMALL, "32", null, null, null, new BigDecimal("100000"), List.of()), null, "test").lead().id();
        JsonNode good = api.as(org.director().token()).get("/api/scoring/leads/" + likely).tree().path("prediction");
        JsonNode poor = api.as(org.director().token()).get("/api/scoring/leads/" + unlikely).tree().path("prediction");
        assertThat(good.path("probability").asDouble()).isGreaterThan(poor.path("probability").asDouble() + 0.3);
        assertThat(good.path("topFeatures").valueStream().map(f -> f.path("feature").asString()))
                .contains("behaviour.DEMO_REQUEST");
    }

    @Test
    void aDraftIsEditedActivatedWithAuditAndRolledBack() {
        long v1 = api.as(org.director().token()).get("/api/scoring/rule-sets/active").tree().path("id").asLong();
        JsonNode draft = api.as(org.director().token()).post("/api/scoring/rule-sets", Map.of("note", "华东重点行业")).tree();
        long v2 = draft.path("id").asLong();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        Map<String, Object> rules = api.json().convertValue(draft.path("rules"), Map.class);
        List<Object> criteria = new ArrayList<>((List<?>) rules.get("criteria"));
        criteria.add(Map.of("id", "region-east", "group", "FIT", "kind", "REGION_IN", "label", "East China", "values", List.of("31", "32", "33"), "points", 25));
        rules.put("criteria", criteria);

        ApiResponse invalid = api.as(org.director().token()).put("/api/scoring/rule-sets/" + v2,
                Map.of("rules", Map.of("gradeA", 30, "gradeB", 50, "gradeC", 10, "criteria", List.of())));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(api.as(org.manager().token()).post("/api/scoring/rule-sets/" + v2 + "/activate", Map.of()).status()).isEqualTo(403);

        try {
            assertThat(api.as(org.director().token()).put("/api/scoring/rule-sets/" + v2, Map.of("rules", rules)).status()).isEqualTo(200);
            ApiResponse activated = api.as(org.director().token()).post("/api/scoring/rule-sets/" + v2 + "/activate", Map.of("reason", "新区域策略"));
            assertThat(activated.tree().path("status").asString()).isEqualTo("ACTIVE");

            long lead = create();
            JsonNode score = api.as(org.director().token()).get("/api/scoring/leads/" + lead).tree();
            assertThat(score.path("ruleSetVersion").asInt()).isEqualTo(draft.path("version").asInt());
            assertThat(score.path("contributions").valueStream().map(c -> c.path("criterionId").asString())).contains("region-east");
            assertThat(api.as(org.director().token()).get("/api/audit?entityType=scoring_rule_set&action=ACTIVATE").body()).contains("新区域策略");
        } finally {
            api.as(org.director().token()).post("/api/scoring/rule-sets/" + v1 + "/activate", Map.of("reason", "rollback"));
        }
        assertThat(api.as(org.director().token()).get("/api/scoring/rule-sets/active").tree().path("id").asLong()).isEqualTo(v1);
    }

    @Test
    void aDraftIsEditedThroughTheFormWithoutCode() {
        long draft = api.as(org.director().token()).post("/api/scoring/rule-sets", Map.of()).tree().path("id").asLong();
        assertThat(api.as(org.director().token()).get("/scoring/rules/" + draft).body()).contains("id=\"rules-form\"");

        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("gradeA", "80");
        form.put("gradeB", "60");
        form.put("gradeC", "30");
        form.put("group", "AUTHORITY");
        form.put("kind", "TITLE_CONTAINS");
        form.put("label", "决策者");
        form.put("values", "总监，CEO, Director");
        form.put("points", "30");
        form.put("criterionId", "");
        ApiResponse saved = api.as(org.director().token()).postForm("/scoring/rules/" + draft, form);

        assertThat(saved.status()).isEqualTo(302);
        JsonNode rules = api.as(org.director().token()).get("/api/scoring/rule-sets/" + draft).tree().path("rules");
        assertThat(rules.path("gradeA").asInt()).isEqualTo(80);
        assertThat(rules.path("criteria")).hasSize(1);
        assertThat(rules.path("criteria").get(0).path("values").valueStream().map(JsonNode::asString))
                .containsExactly("总监", "CEO", "Director");
        assertThat(rules.path("criteria").get(0).path("id").asString()).isEqualTo("criterion-1");
    }

    @Test
    void activatingARuleSetReScoresTheOpenLeadsInTheBackgroundAndLeavesClosedOnesAlone() {
        long v1 = api.as(org.director().token()).get("/api/scoring/rule-sets/active").tree().path("id").asLong();
        long open = create();
        long contacted = create();
        ownership.changeStatus(contacted, LeadStatus.CONTACTED, "called");
        long lost = create();
        ownership.changeStatus(lost, LeadStatus.LOST, "no budget");
        JsonNode lostBefore = api.as(org.director().token()).get("/api/scoring/leads/" + lost).tree();

        JsonNode draft = api.as(org.director().token()).post("/api/scoring/rule-sets", Map.of("note", "API 来源优先")).tree();
        long v2 = draft.path("id").asLong();
        Map<String, Object> rules = Map.of("gradeA", 90, "gradeB", 50, "gradeC", 10, "criteria", List.of(
                Map.of("id", "api-source", "group", "FIT", "kind", "SOURCE_IN", "label", "API", "values", List.of("API"), "points", 95)));
        assertThat(api.as(org.director().token()).put("/api/scoring/rule-sets/" + v2, Map.of("rules", rules)).status()).isEqualTo(200);
        try {
            api.as(org.director().token()).post("/api/scoring/rule-sets/" + v2 + "/activate", Map.of("reason", "重新评分"));
            JsonNode run = awaitRescoring(v2);

            assertThat(run.path("total").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(run.path("rescored").asInt()).isEqualTo(run.path("total").asInt());
            for (long lead : List.of(open, contacted)) {
                JsonNode score = api.as(org.director().token()).get("/api/scoring/leads/" + lead).tree();
                assertThat(score.path("ruleSetVersion").asInt()).isEqualTo(draft.path("version").asInt());
                assertThat(score.path("score").asInt()).isEqualTo(95);
                assertThat(score.path("grade").asString()).isEqualTo("A");
                assertThat(leads.getForSystem(lead).grade()).isEqualTo("A");
            }
            JsonNode lostAfter = api.as(org.director().token()).get("/api/scoring/leads/" + lost).tree();
            assertThat(lostAfter.path("ruleSetVersion").asInt()).isEqualTo(lostBefore.path("ruleSetVersion").asInt());
            assertThat(lostAfter.path("score").asInt()).isEqualTo(lostBefore.path("score").asInt());
            assertThat(api.as(org.director().token()).get("/api/audit?entityType=scoring_rule_set&action=RESCORE").body())
                    .contains("\"rescored\"");
            assertThat(api.as(org.director().token()).get("/scoring").body()).contains("id=\"rescore-progress\"");
            assertThat(api.as(org.director().token()).get("/scoring/rescoring/" + run.path("id").asLong()).body()).contains("100%");
        } finally {
            api.as(org.director().token()).post("/api/scoring/rule-sets/" + v1 + "/activate", Map.of("reason", "rollback"));
        }
        awaitRescoring(v1);
        assertThat(api.as(org.director().token()).get("/api/scoring/leads/" + open).tree().path("score").asInt())
                .isEqualTo(api.as(org.director().token()).get("/api/scoring/leads/" + lost).tree().path("score").asInt());
    }

    private JsonNode awaitRescoring(long ruleSetId) {
        return Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> api.as(org.director().token()).get("/api/scoring/rescoring").tree(),
                        run -> run.path("ruleSetId").asLong() == ruleSetId && run.path("status").asString().equals("DONE"));
    }

    private long create() {
        return api.as(org.director().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/leads", LeadFixtures.lead("评分客户")).tree().path("leadId").asLong();
    }
}
