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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Points credited from real work (a visit, a first contact within the SLA, a task done, a deal won)
 * once per source record, a manager's award within their team only, the policy set by directors;
 * leaderboards over the API per role and mode: a managers-only board refuses a rep, own-rank mode
 * answers one row, pseudonym mode carries no other rep's name or id, a team board ranks the team.
 */
@IntegrationTest
@Import(WorkLeadFixtures.class)
@TestPropertySource(properties = {"fairlead.jobs.enabled=false", "fairlead.test.context=incentives"})
class IncentivesIT {

    @Autowired Api api;
    @Autowired dev.fairlead.support.ConfirmedResults confirmed;
    @Autowired OrgFixtures fixtures;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;
    @Autowired SlaService sla;
    @Autowired PointsService pointsService;
    @Autowired AuditTrail audit;
    @Autowired MutableClock clock;

    OrgFixtures.Org org;
    String director;
    String manager;
    String rep;

    @BeforeEach
    void organisation() {
        org = fixtures.eastAndSouthChina();
        director = org.director().token();
        manager = org.manager().token();
        rep = org.rep().token();
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void workCreditsPointsOncePerEventAndManagersAwardWithinTheirTeam() {
        clock.startAt(at(2026, 11, 9, 10));
        Lead lead = assigned(org.liNa());
        followUp(lead.id(), "VISIT");
        followUp(lead.id(), "CALL");
        long task = ok(api.as(rep).post("/api/tasks", Map.of("title", "回访报价 " + org.n(), "typeCode", "CALL",
                "dueAt", at(2026, 11, 12, 10).toString()))).path("id").asLong();
        status(task, "DONE");
        JsonNode deal = ok(api.as(rep).post("/api/deals/from-lead/" + lead.id(), Map.of("amount", 45000)));
        ok(api.as(rep).post("/api/deals/" + deal.path("id").asLong() + "/stage", Map.of("stage", "won")));

        // visit 2 + first contact within the SLA 3 + task 1 + deal 10; the call earns nothing
        JsonNode ledger = awaitTotal(rep, "/api/performance/points/mine?period=2026-11", 16);
        assertThat(reasons(ledger)).containsExactlyInAnyOrder("VISIT", "FIRST_CONTACT", "TASK_DONE", "DEAL_WON");
        JsonNode visit = line(ledger, "VISIT");
        assertThat(visit.path("entry").path("sourceType").asString()).isEqualTo("follow_up");
        assertThat(visit.path("entry").path("points").asInt()).isEqualTo(2);
        assertThat(line(ledger, "DEAL_WON").path("entry").path("sourceId").asLong()).isEqualTo(deal.path("id").asLong());
        assertThat(line(ledger, "TASK_DONE").path("entry").path("sourceId").asLong()).isEqualTo(task);
        JsonNode zh = ok(api.as(rep).language("zh-CN").get("/api/performance/points/mine?period=2026-11"));
        assertThat(line(zh, "FIRST_CONTACT").path("reasonText").asString()).isEqualTo("在时限内完成首次联系");

        // the same source never credits twice: a task re-opened and done again, a redelivered event
        status(task, "OPEN");
        status(task, "DONE");
        assertThat(pointsService.credit(org.liNa().id(), PointsAction.VISIT, "follow_up", visit.path("entry").path("sourceId").asLong(),
                clock.instant())).isFalse();
        assertThat(pointsService.credit(org.liNa().id(), PointsAction.DEAL_WON, "deal", deal.path("id").asLong(), clock.instant())).isFalse();

        // a manager's award, with a reason, audited; not to a rep outside the team; reps and finance may not award
        ApiResponse award = api.as(manager).post("/api/performance/points/awards",
                Map.of("repId", org.liNa().id(), "points", 5, "reason", "帮助同事拿下大单"));
        assertThat(award.status()).as(award.toString()).isEqualTo(201);
        long awardId = award.tree().path("entry").path("id").asLong();
        assertThat(award.tree().path("entry").path("grantedBy").asString()).isEqualTo(org.manager().username());
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("points_award", awardId)).items()).hasSize(1);
        assertThat(api.as(manager).post("/api/performance/points/awards", Map.of("repId", org.huJun().id(), "points", 5, "reason", "越权"))
                .status()).isEqualTo(404);
        assertThat(api.as(rep).post("/api/performance/points/awards", Map.of("repId", org.wangWei().id(), "points", 5, "reason", "x"))
                .status()).isEqualTo(403);
        assertThat(api.as(org.finance().token()).post("/api/performance/points/awards",
                Map.of("repId", org.liNa().id(), "points", 5, "reason", "x")).status()).isEqualTo(403);
        ApiResponse noReason = api.as(manager).post("/api/performance/points/awards", Map.of("repId", org.liNa().id(), "points", 5));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).contains("reason");

        // 16 + 5, the re-done task and the redelivery changed nothing
        JsonNode after = ok(api.as(rep).get("/api/performance/points/mine?period=2026-11"));
        assertThat(after.path("total").asLong()).isEqualTo(21);
        assertThat(after.path("entries").size()).isEqualTo(5);

        // the team ledger is the manager's; a rep reads only her own
        JsonNode team = ok(api.as(manager).get("/api/performance/points/teams/" + org.shanghai().id() + "?period=2026-11"));
        assertThat(team.path("totals").valueStream().filter(t -> t.path("repId").asLong() == org.liNa().id()).findFirst().orElseThrow()
                .path("points").asLong()).isEqualTo(21);
        assertThat(api.as(rep).get("/api/performance/points/teams/" + org.shanghai().id()).status()).isEqualTo(403);
        assertThat(api.as(rep).get("/api/performance/points/reps/" + org.wangWei().id()).status()).isEqualTo(404);
        assertThat(api.as(org.southManager().token()).get("/api/performance/points/reps/" + org.liNa().id()).status()).isEqualTo(404);

        // the policy is the directors': a visit worth 4 from now on
        assertThat(api.as(manager).put("/api/performance/points/policy", Map.of("points", Map.of("VISIT", 4))).status()).isEqualTo(403);
        assertThat(api.as(director).put("/api/performance/points/policy", Map.of("points", Map.of("VISIT", 1001))).status()).isEqualTo(400);
        JsonNode policy = ok(api.as(director).put("/api/performance/points/policy", Map.of("points", Map.of("VISIT", 4))));
        assertThat(policy.path("points").path("VISIT").asInt()).isEqualTo(4);
        assertThat(policy.path("points").path("DEAL_WON").asInt()).isEqualTo(10);
        followUp(lead.id(), "VISIT");
        awaitTotal(rep, "/api/performance/points/mine?period=2026-11", 25);
        ok(api.as(director).put("/api/performance/points/policy", Map.of("points", Map.of("VISIT", 2))));
    }

    @Test
    void boardsAnswerEachRoleWhatTheirVisibilityAndModeAllow() {
        clock.startAt(at(2026, 11, 10, 10));
        won(40000);
        clock.advanceTo(at(2026, 12, 8, 10));
        won(50000);
        ok(api.as(manager).post("/api/performance/points/awards", Map.of("repId", org.liNa().id(), "points", 300, "reason", "季度之星")));
        ok(api.as(manager).post("/api/performance/points/awards", Map.of("repId", org.wangWei().id(), "points", 500, "reason", "新客户")));
        ok(api.as(manager).post("/api/performance/points/awards", Map.of("repId", org.emilyChen().id(), "points", 500, "reason", "大客户")));
        ok(api.as(director).post("/api/performance/points/awards", Map.of("repId", org.huJun().id(), "points", 400, "reason", "拓展")));
        awaitDealWonPoints();

        // names, company-wide: ties share a rank, the next rank skips
        configure("POINTS", "NAMES", "COMPANY", null);
        JsonNode names = board(rep, "POINTS");
        JsonNode wang = row(names, org.wangWei());
        JsonNode emily = row(names, org.emilyChen());
        assertThat(wang.path("rank").asInt()).isEqualTo(emily.path("rank").asInt());
        assertThat(row(names, org.huJun()).path("rank").asInt()).isEqualTo(wang.path("rank").asInt() + 2);
        assertThat(row(names, org.liNa()).path("mine").asBoolean()).isTrue();
        assertThat(row(names, org.liNa()).path("value").decimalValue()).isEqualByComparingTo("310");

        // managers only: a rep is refused, a manager and finance read it
        configure("POINTS", "NAMES", "MANAGERS", null);
        assertThat(api.as(rep).get("/api/performance/boards/POINTS?period=2026-12").status()).isEqualTo(403);
        assertThat(board(manager, "POINTS").path("rows").size()).isGreaterThanOrEqualTo(5);
        assertThat(board(org.finance().token(), "POINTS").path("rows").size()).isGreaterThanOrEqualTo(5);
        assertThat(ok(api.as(rep).get("/api/performance/boards")).valueStream().map(b -> b.path("kind").asString())).doesNotContain("POINTS");
        assertThat(ok(api.as(rep).get("/api/performance/boards/screen?kind=MONTH")).valueStream().map(b -> b.path("kind").asString()))
                .doesNotContain("POINTS");

        // own rank only: the rep gets her own row and nothing of anyone else's
        configure("POINTS", "OWN_RANK", "COMPANY", null);
        ApiResponse own = api.as(rep).get("/api/performance/boards/POINTS?period=2026-12");
        JsonNode ownRows = ok(own).path("rows");
        assertThat(ownRows.size()).isEqualTo(1);
        assertThat(ownRows.get(0).path("mine").asBoolean()).isTrue();
        assertThat(ownRows.get(0).path("label").asString()).isEqualTo("李娜");
        assertThat(ownRows.get(0).path("rank").asInt()).isEqualTo(wang.path("rank").asInt() + 3);
        assertThat(ownRows.get(0).path("value").decimalValue()).isEqualByComparingTo("310");
        assertThat(own.body()).doesNotContain("王伟", "Emily Chen", "胡军", "Grace Lin", String.valueOf(org.wangWei().id()) + ",");
        assertThat(board(manager, "POINTS").path("rows").size()).isGreaterThanOrEqualTo(5);
        assertThat(ok(api.as(rep).get("/api/performance/boards/screen?kind=MONTH")).valueStream().map(b -> b.path("kind").asString()))
                .doesNotContain("POINTS");

        // pseudonyms: no other rep's name or id, the same pseudonyms on every read of the period
        configure("POINTS", "PSEUDONYMS", "COMPANY", null);
        ApiResponse disguised = api.as(rep).language("en").get("/api/performance/boards/POINTS?period=2026-12");
        JsonNode rows = ok(disguised).path("rows");
        assertThat(disguised.body()).doesNotContain("王伟", "Emily Chen", "胡军", "Grace Lin");
        assertThat(rows.valueStream()).allSatisfy(r -> assertThat(r.path("repId").isNull() || r.path("repId").isMissingNode()).isTrue());
        assertThat(rows.valueStream().filter(r -> r.path("mine").asBoolean()).map(r -> r.path("label").asString())).containsExactly("李娜");
        assertThat(rows.valueStream().filter(r -> !r.path("mine").asBoolean()).map(r -> r.path("label").asString()))
                .allMatch(l -> l.matches("[A-Z][a-z]+ [A-Z][a-z]+( \\d+)?"));
        assertThat(labels(ok(api.as(rep).language("en").get("/api/performance/boards/POINTS?period=2026-12"))))
                .isEqualTo(labels(ok(disguised)));
        assertThat(board(manager, "POINTS").toString()).doesNotContain("王伟");

        configure("POINTS", "NUMBERS", "COMPANY", null);
        JsonNode numbered = ok(api.as(rep).language("zh-CN").get("/api/performance/boards/POINTS?period=2026-12"));
        assertThat(numbered.path("rows").valueStream().filter(r -> !r.path("mine").asBoolean()).map(r -> r.path("label").asString()))
                .allMatch(l -> l.matches("\\d{4} 号( \\d+)?"));

        // a team board ranks the reader's team: the rep her own team, the manager his team and below
        configure("POINTS", "NAMES", "TEAM", null);
        assertThat(repIds(board(rep, "POINTS"))).containsExactlyInAnyOrder(org.liNa().id(), org.wangWei().id());
        assertThat(repIds(board(manager, "POINTS"))).containsExactlyInAnyOrder(org.liNa().id(), org.wangWei().id(), org.emilyChen().id());

        // revenue, improvement on last month (40,000 → 50,000 is +25%), teams by revenue
        configure("REVENUE", "NAMES", "COMPANY", null);
        assertThat(row(board(rep, "REVENUE"), org.liNa()).path("value").decimalValue()).isEqualByComparingTo("50000");
        configure("IMPROVEMENT", "NAMES", "COMPANY", "REVENUE");
        JsonNode improvement = board(rep, "IMPROVEMENT");
        assertThat(improvement.path("previousPeriod").asString()).isEqualTo("2026-11");
        assertThat(row(improvement, org.liNa()).path("value").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(row(improvement, org.wangWei()).path("rank").asInt(-1)).isEqualTo(-1);
        configure("TEAMS", "NAMES", "COMPANY", "REVENUE");
        JsonNode teams = board(rep, "TEAMS");
        JsonNode shanghai = teams.path("rows").valueStream().filter(r -> r.path("teamId").asLong() == org.shanghai().id()).findFirst()
                .orElseThrow(() -> new AssertionError("no Shanghai row in " + teams));
        assertThat(shanghai.path("value").decimalValue()).isEqualByComparingTo("50000");
        assertThat(shanghai.path("mine").asBoolean()).isTrue();

        // configuring is the directors' and audited
        assertThat(api.as(manager).put("/api/performance/boards/POINTS", Map.of("displayMode", "NAMES", "visibility", "COMPANY")).status())
                .isEqualTo(403);
        assertThat(api.as(director).put("/api/performance/boards/POINTS", Map.of("visibility", "COMPANY")).status()).isEqualTo(400);
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("leaderboard", "POINTS")).items()).isNotEmpty();
    }

    private void won(int amount) {
        Lead lead = assigned(org.liNa());
        JsonNode deal = ok(api.as(rep).post("/api/deals/from-lead/" + lead.id(), Map.of("amount", amount)));
        ok(api.as(rep).post("/api/deals/" + deal.path("id").asLong() + "/stage", Map.of("stage", "won")));
        confirmed.confirm(deal.path("id").asLong()); // revenue boards count confirmed credit only (decision 0502)
    }

    /** The deal won in December credits its 10 points after commit; wait for them so the points board is settled. */
    private void awaitDealWonPoints() {
        awaitTotal(rep, "/api/performance/points/mine?period=2026-12", 310);
    }

    private void configure(String kind, String mode, String visibility, String measure) {
        Map<String, Object> body = new HashMap<>(Map.of("displayMode", mode, "visibility", visibility, "enabled", true));
        if (measure != null) {
            body.put("measure", measure);
        }
        ok(api.as(director).put("/api/performance/boards/" + kind, body));
    }

    private JsonNode board(String token, String kind) {
        return ok(api.as(token).get("/api/performance/boards/" + kind + "?period=2026-12"));
    }

    private static JsonNode row(JsonNode board, Rep rep) {
        return board.path("rows").valueStream().filter(r -> r.path("repId").asLong() == rep.id()).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + rep.name() + " in " + board));
    }

    private static List<Long> repIds(JsonNode board) {
        return board.path("rows").valueStream().map(r -> r.path("repId").asLong()).toList();
    }

    private static List<String> labels(JsonNode board) {
        return board.path("rows").valueStream().map(r -> r.path("label").asString()).toList();
    }

    private JsonNode awaitTotal(String token, String path, long total) {
        await().atMost(Duration.ofSeconds(15)).until(() -> ok(api.as(token).get(path)).path("total").asLong() == total);
        return ok(api.as(token).get(path));
    }

    private static List<String> reasons(JsonNode ledger) {
        return StreamSupport.stream(ledger.path("entries").spliterator(), false).map(l -> l.path("entry").path("reason").asString()).toList();
    }

    private static JsonNode line(JsonNode ledger, String reason) {
        return ledger.path("entries").valueStream().filter(l -> l.path("entry").path("reason").asString().equals(reason)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + reason + " line in " + ledger));
    }

    private Lead assigned(Rep owner) {
        Lead lead = leads.lead();
        ownership.assign(lead.id(), owner.id(), "assigned by the manager", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> sla.forLead(Viewer.system(), lead.id()).stream().anyMatch(t -> t.repId() == owner.id()));
        return lead;
    }

    private void followUp(long leadId, String kind) {
        ok(api.as(rep).post("/api/leads/" + leadId + "/follow-ups", Map.of("kind", kind, "outcome", "POSITIVE", "notes", "客户有意向")));
    }

    private void status(long task, String status) {
        ok(api.as(rep).post("/api/tasks/" + task + "/status", Map.of("status", status)));
    }

    private Instant at(int year, int month, int day, int hour) {
        return Instant.from(LocalDateTime.of(year, month, day, hour, 0).atZone(clock.getZone()));
    }

    private static JsonNode ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.tree();
    }
}
