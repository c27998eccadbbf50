package dev.fairlead.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.org.Rep;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.SlaStatus;
import dev.fairlead.work.SlaTimer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A month of 李娜's recorded work (follow-ups, SLA timers, tasks, a won deal, all through the
 * existing APIs and services) scored by an active scheme; the month frozen and not moved by a later
 * edit until an audited recalculation; a draft simulated on the month; who may read whose card.
 */
@IntegrationTest
@Import(WorkLeadFixtures.class)
@TestPropertySource(properties = {"fairlead.jobs.enabled=false", "fairlead.test.context=performance"})
class ScorecardsIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;
    @Autowired SlaService sla;
    @Autowired AuditTrail audit;
    @Autowired MutableClock clock;
    @Autowired dev.fairlead.support.ConfirmedResults confirmed;

    OrgFixtures.Org org;
    String director;
    String rep;

    @BeforeEach
    void monday9November() {
        org = fixtures.eastAndSouthChina();
        director = org.director().token();
        rep = org.rep().token();
        clock.startAt(at(9, 10));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aMonthIsScoredFromRecordedWorkFrozenUnmovedByLaterEditsAndRecalculatedOnlyWithAReason() {
        long scheme = activeScheme();
        Lead first = assigned(org.liNa());
        Lead second = assigned(org.liNa());
        followUp(first.id(), "VISIT", null);
        long onTime = task("回访报价 " + org.n(), at(12, 10));
        long late = task("寄送样品 " + org.n(), at(13, 10));

        clock.advanceTo(at(11, 10));
        status(onTime, "DONE");
        sla.check();
        followUp(first.id(), "CALL", null);

        clock.advanceTo(at(16, 10));
        status(late, "DONE");
        JsonNode deal = ok(api.as(rep).post("/api/deals/from-lead/" + first.id(), Map.of("amount", 45000)));
        ok(api.as(rep).post("/api/deals/" + deal.path("id").asLong() + "/stage", Map.of("stage", "won")));
        confirmed.confirm(deal.path("id").asLong()); // only confirmed credit is revenue (decision 0502)

        JsonNode answer = ok(api.as(rep).language("en").get("/api/performance/scorecards/mine?period=2026-11"));
        JsonNode card = answer.path("scorecard");
        assertThat(card.path("schemeId").asLong()).isEqualTo(scheme);
        assertThat(absent(card.path("frozenAt"))).isTrue();
        assertThat(actual(card, "REVENUE")).isEqualByComparingTo("45000.00");
        assertThat(actual(card, "DEALS_WON")).isEqualByComparingTo("1");
        assertThat(actual(card, "VISITS")).isEqualByComparingTo("1");
        assertThat(actual(card, "FOLLOW_UPS")).isEqualByComparingTo("2");
        assertThat(dimension(card, "TASKS_ON_TIME").path("actual").path("count").asLong()).isEqualTo(1);
        assertThat(dimension(card, "TASKS_ON_TIME").path("actual").path("of").asLong()).isEqualTo(2);
        // the SLA share is what the work module's timers of 李娜 on these leads say
        List<SlaTimer> timers = java.util.stream.Stream.of(first, second).flatMap(l -> sla.forLead(Viewer.system(), l.id()).stream())
                .filter(t -> t.repId() == org.liNa().id()).toList();
        long met = timers.stream().filter(t -> t.status() == SlaStatus.MET).count();
        long decided = timers.stream().filter(t -> t.status() == SlaStatus.MET || t.status() == SlaStatus.BREACHED).count();
        assertThat(met).isEqualTo(1);
        assertThat(decided).isEqualTo(2);
        assertThat(actual(card, "SLA_KEPT")).isEqualByComparingTo("50.0");

        // 13.5 + 5.0 + 0 (1 of 4 visits is below the first step) + 4.0 + 10.0 + 5.0
        assertThat(points(card, "REVENUE")).isEqualByComparingTo("13.5");
        assertThat(points(card, "VISITS")).isEqualByComparingTo("0.0");
        assertThat(card.path("card").path("total").decimalValue()).isEqualByComparingTo("37.5");
        // 45,000 is below 60% of the 80,000 base: the gate fails, but 37.5 is under its cap of 60
        assertThat(dimension(card, "REVENUE").path("gateFailed").asBoolean()).isTrue();
        assertThat(absent(card.path("card").path("gatedBy"))).isTrue();
        JsonNode hint = dimension(card, "VISITS").path("hint");
        assertThat(hint.path("kind").asString()).isEqualTo("STEP");
        assertThat(hint.path("more").decimalValue()).isEqualByComparingTo("1");
        assertThat(hint.path("gain").decimalValue()).isEqualByComparingTo("10.0");
        assertThat(answer.path("explanation").path("dimensions").path("VISITS").path("hint").asString())
                .isEqualTo("Visits: 1 more → +10 points (next step)");
        assertThat(answer.path("explanation").path("dimensions").path("REVENUE").path("howComputed").asString())
                .contains("CNY 45,000.00 of a target of CNY 100,000.00, attainment 45%").contains("Gate: below 60% of CNY 80,000.00");
        JsonNode zh = ok(api.as(rep).language("zh-CN").get("/api/performance/scorecards/mine?period=2026-11")).path("explanation");
        assertThat(zh.path("dimensions").path("VISITS").path("hint").asString()).isEqualTo("再 1 次拜访 → +10 分（下一档）");
        assertThat(zh.path("total").asString()).isEqualTo("各项合计 37.5 分，总分 37.5。");

        ApiResponse open = api.as(director).post("/api/performance/periods/freeze", Map.of("period", "2026-11"));
        assertThat(open.status()).isEqualTo(409);

        clock.advanceTo(Instant.from(LocalDateTime.of(2026, 12, 2, 10, 0).atZone(clock.getZone())));
        assertThat(api.as(org.manager().token()).post("/api/performance/periods/freeze", Map.of("period", "2026-11")).status()).isEqualTo(403);
        JsonNode frozen = ok(api.as(director).post("/api/performance/periods/freeze", Map.of("period", "2026-11")));
        assertThat(frozen.path("frozen").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(ok(api.as(director).post("/api/performance/periods/freeze", Map.of("period", "2026-11"))).path("frozen").asInt()).isZero();

        // a follow-up logged late for 20 November: the live count moves, the frozen card does not
        followUp(first.id(), "CALL", at(20, 15));
        JsonNode still = ok(api.as(rep).get("/api/performance/scorecards/mine?period=2026-11")).path("scorecard");
        assertThat(absent(still.path("frozenAt"))).isFalse();
        assertThat(actual(still, "FOLLOW_UPS")).isEqualByComparingTo("2");
        assertThat(still.path("card").path("total").decimalValue()).isEqualByComparingTo("37.5");

        String path = "/api/performance/scorecards/reps/" + org.liNa().id() + "/recalculate";
        assertThat(api.as(director).post(path, Map.of("period", "2026-11")).errorFields()).containsExactly("reason");
        assertThat(api.as(org.manager().token()).post(path, Map.of("period", "2026-11", "reason", "x")).status()).isEqualTo(403);
        JsonNode recalculated = ok(api.as(director).post(path, Map.of("period", "2026-11", "reason", "补录 11 月 20 日的电话跟进")))
                .path("scorecard");
        assertThat(actual(recalculated, "FOLLOW_UPS")).isEqualByComparingTo("3");
        assertThat(recalculated.path("recalculationReason").asString()).isEqualTo("补录 11 月 20 日的电话跟进");
        assertThat(actual(ok(api.as(rep).get("/api/performance/scorecards/mine?period=2026-11")).path("scorecard"), "FOLLOW_UPS"))
                .isEqualByComparingTo("3");
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("scorecard", org.liNa().id() + "/2026-11")).items())
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("RECALCULATE");
                    assertThat(e.reason()).isEqualTo("补录 11 月 20 日的电话跟进");
                });
    }

    @Test
    void aRepReadsOnlyTheirOwnScorecardAManagerTheirTeamAndBelow() {
        activeScheme();
        Rep otherTeam = org.huJun();
        OrgFixtures.Login huJun = fixtures.login(OrgFixtures.username("rep.south"), "胡军 (rep)", dev.fairlead.common.Role.REP, null,
                otherTeam.id());
        String liNaCard = "/api/performance/scorecards/reps/" + org.liNa().id() + "?period=2026-11";
        assertThat(api.as(rep).get(liNaCard).status()).isEqualTo(200);
        assertThat(api.as(rep).get("/api/performance/scorecards/reps/" + org.wangWei().id() + "?period=2026-11").status()).isEqualTo(404);
        assertThat(api.as(huJun.token()).get(liNaCard).status()).isEqualTo(404);
        assertThat(api.as(org.manager().token()).get(liNaCard).status()).isEqualTo(200);
        assertThat(api.as(org.manager().token()).get("/api/performance/scorecards/reps/" + org.emilyChen().id() + "?period=2026-11").status())
                .isEqualTo(200);
        assertThat(api.as(org.southManager().token()).get(liNaCard).status()).isEqualTo(404);
        assertThat(api.as(org.finance().token()).get(liNaCard).status()).isEqualTo(200);

        String shanghai = "/api/performance/scorecards/teams/" + org.shanghai().id() + "?period=2026-11";
        assertThat(api.as(rep).get(shanghai).status()).isEqualTo(403);
        assertThat(api.as(org.southManager().token()).get(shanghai).status()).isEqualTo(404);
        JsonNode team = ok(api.as(org.manager().token()).get(shanghai));
        assertThat(team.path("reps").valueStream().map(r -> r.path("repName").asString()))
                .containsExactlyInAnyOrder("李娜", "王伟", "Emily Chen");
        assertThat(team.path("score").path("reps").asInt()).isEqualTo(3);
        JsonNode company = ok(api.as(director).get("/api/performance/scorecards/teams/" + org.company().id() + "?period=2026-11"));
        assertThat(company.path("reps")).hasSize(5);
    }

    @Test
    void aManagerSimulatesADraftOnLastMonthAndOnlyADirectorActivatesOrRollsBack() {
        long v1 = activeScheme();
        Lead lead = assigned(org.liNa());
        followUp(lead.id(), "VISIT", null);
        followUp(lead.id(), "CALL", null);
        clock.advanceTo(Instant.from(LocalDateTime.of(2026, 12, 3, 10, 0).atZone(clock.getZone())));
        String manager = org.manager().token();

        ApiResponse unbalanced = api.as(manager).language("en").post("/api/performance/schemes", Map.of("basedOn", v1, "dimensions",
                List.of(linear("VISITS", 40, 1), linear("FOLLOW_UPS", 50, 2))));
        assertThat(unbalanced.status()).isEqualTo(400);
        assertThat(unbalanced.errorMessage("dimensions")).isEqualTo("The weights add up to 90%; they must add up to exactly 100%.");
        assertThat(api.as(rep).post("/api/performance/schemes", Map.of("basedOn", v1)).status()).isEqualTo(403);

        long v2 = ok(api.as(manager).post("/api/performance/schemes", Map.of("basedOn", v1, "name", "拜访优先 " + org.n(), "dimensions",
                List.of(linear("VISITS", 50, 1), linear("FOLLOW_UPS", 50, 2))))).path("id").asLong();
        JsonNode simulation = ok(api.as(manager).post("/api/performance/schemes/" + v2 + "/simulate", "{}"));
        assertThat(simulation.path("period").asString()).isEqualTo("2026-11");
        JsonNode liNa = simulation.path("rows").valueStream().filter(r -> r.path("repId").asLong() == org.liNa().id()).findFirst().orElseThrow();
        // now: 0 + 0 + 0 (visits below the first step) + 4.0 + 20.0 (the one SLA timer met) + 0 = 24.0; the draft: 50 + 50
        assertThat(liNa.path("simulated").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(liNa.path("change").decimalValue()).isEqualByComparingTo(liNa.path("simulated").decimalValue()
                .subtract(liNa.path("current").decimalValue()));
        assertThat(liNa.path("change").decimalValue()).isPositive();
        assertThat(simulation.path("rows").valueStream().map(r -> r.path("repName").asString())).doesNotContain("胡军", "Grace Lin");
        assertThat(simulation.path("gainers").asInt()).isGreaterThanOrEqualTo(1);

        assertThat(api.as(manager).post("/api/performance/schemes/" + v2 + "/activate", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(ok(api.as(director).post("/api/performance/schemes/" + v2 + "/activate", Map.of("reason", "重拜访"))).path("status").asString())
                .isEqualTo("ACTIVE");
        assertThat(ok(api.as(director).get("/api/performance/schemes/" + v1)).path("status").asString()).isEqualTo("RETIRED");
        assertThat(ok(api.as(director).post("/api/performance/schemes/" + v1 + "/activate", Map.of("reason", "回到原方案"))).path("status")
                .asString()).isEqualTo("ACTIVE");
        assertThat(ok(api.as(director).get("/api/performance/schemes/" + v2)).path("status").asString()).isEqualTo("RETIRED");
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("kpiScheme", v1)).items()).extracting(e -> e.action())
                .contains("CREATE", "ACTIVATE", "ROLLBACK");
        assertThat(api.as(director).put("/api/performance/schemes/" + v1, Map.of("dimensions", List.of(linear("VISITS", 100, 1))))
                .status()).isEqualTo(409);
    }

    /** A scheme for regular reps' months, made and activated by the director: revenue gated at 60% of base. */
    private long activeScheme() {
        Map<String, Object> revenue = Map.of("metric", "REVENUE", "weight", 30, "targets", Map.of("base", 80000, "target", 100000),
                "curve", "LINEAR", "capPercent", 120, "gate", Map.of("belowPercent", 60, "capScore", 60));
        Map<String, Object> visits = Map.of("metric", "VISITS", "weight", 20, "targets", Map.of("target", 4), "curve", "STEPS",
                "steps", List.of(Map.of("atPercent", 50, "paysPercent", 50), Map.of("atPercent", 100, "paysPercent", 100)));
        List<Map<String, Object>> dimensions = List.of(revenue, linear("DEALS_WON", 10, 2), visits, linear("FOLLOW_UPS", 10, 5),
                linear("SLA_KEPT", 20, 100), linear("TASKS_ON_TIME", 10, 100));
        long id = ok(api.as(director).post("/api/performance/schemes", Map.of("name", "销售月度考核 " + org.n(), "audience", "REGULAR",
                "periodKind", "MONTH", "dimensions", dimensions))).path("id").asLong();
        ok(api.as(director).post("/api/performance/schemes/" + id + "/activate", Map.of("reason", "2026 年方案")));
        return id;
    }

    private static Map<String, Object> linear(String metric, int weight, int target) {
        return Map.of("metric", metric, "weight", weight, "targets", Map.of("target", target), "curve", "LINEAR", "capPercent", 100);
    }

    private Lead assigned(Rep owner) {
        Lead lead = leads.lead();
        ownership.assign(lead.id(), owner.id(), "assigned by the manager", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> sla.forLead(Viewer.system(), lead.id()).stream()
                .anyMatch(t -> t.repId() == owner.id()));
        return lead;
    }

    private void followUp(long leadId, String kind, Instant occurredAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "outcome", "POSITIVE", "notes", "客户有意向"));
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt.toString());
        }
        ok(api.as(rep).post("/api/leads/" + leadId + "/follow-ups", body));
    }

    private long task(String title, Instant due) {
        return ok(api.as(rep).post("/api/tasks", Map.of("title", title, "typeCode", "CALL", "dueAt", due.toString()))).path("id").asLong();
    }

    private void status(long task, String status) {
        ok(api.as(rep).post("/api/tasks/" + task + "/status", Map.of("status", status)));
    }

    private Instant at(int novemberDay, int hour) {
        return Instant.from(LocalDateTime.of(2026, 11, novemberDay, hour, 0).atZone(clock.getZone()));
    }

    private static JsonNode dimension(JsonNode card, String metric) {
        return card.path("card").path("dimensions").valueStream().filter(d -> d.path("rule").path("metric").asString().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no dimension " + metric + " in " + card));
    }

    private static BigDecimal actual(JsonNode card, String metric) {
        return dimension(card, metric).path("actual").path("value").decimalValue();
    }

    private static BigDecimal points(JsonNode card, String metric) {
        return dimension(card, metric).path("points").decimalValue();
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static JsonNode ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.tree();
    }
}
