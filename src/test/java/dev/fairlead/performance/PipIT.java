package dev.fairlead.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A manager opens a performance improvement plan for a rep of the team, checks in on it and records
 * its outcome; the rep reads their own plan; a manager of another team, admins and finance never see
 * it; the audit trail says who did what and when without the plan's notes; reps below the threshold
 * for the last closed months are suggested, those with a running plan are not.
 */
@IntegrationTest
class PipIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void aManagerOpensChecksInAndConcludesAPlanThatOnlyTheRepHerManagersAndDirectorsRead() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String manager = org.manager().token();
        LocalDate today = LocalDate.now(clock);
        long liNa = org.liNa().id();

        ApiResponse refused = api.as(manager).language("zh-CN").post("/api/performance/pips", plan(liNa, today, today.minusDays(1),
                List.of(goal("VISITS", 12), goal("VISITS", 10)), List.of(today.plusDays(90))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("endsOn", "goals", "checkInDates");
        assertThat(refused.errorMessage("goals")).isEqualTo("每个指标只能设置一次。");
        assertThat(api.as(manager).post("/api/performance/pips", Map.of("repId", liNa)).errorFields()).contains("startsOn", "endsOn", "goals");
        assertThat(api.as(org.southManager().token()).post("/api/performance/pips", plan(liNa, today, today.plusDays(60),
                List.of(goal("VISITS", 12)), List.of())).status()).as("not her team").isEqualTo(404);
        assertThat(api.as(org.rep().token()).post("/api/performance/pips", plan(liNa, today, today.plusDays(60),
                List.of(goal("VISITS", 12)), List.of())).status()).isEqualTo(403);

        ApiResponse opened = api.as(manager).post("/api/performance/pips", Map.of("repId", liNa, "startsOn", today.toString(),
                "endsOn", today.plusDays(60).toString(), "goals", List.of(goal("VISITS", 12), goal("REVENUE", 100000)),
                "support", "每周陪访一次 a weekly joint visit", "checkInDates", List.of(today.plusDays(30).toString(), today.plusDays(14).toString())));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.tree().path("id").asLong();
        assertThat(opened.tree().path("status").asString()).isEqualTo("OPEN");
        assertThat(opened.tree().path("checkInDates").get(0).asString()).as("sorted").isEqualTo(today.plusDays(14).toString());
        ApiResponse second = api.as(manager).language("zh-CN").post("/api/performance/pips", plan(liNa, today, today.plusDays(30),
                List.of(goal("FOLLOW_UPS", 40)), List.of()));
        assertThat(second.errorFields()).containsExactly("repId");
        assertThat(second.errorMessage("repId")).contains("已有进行中的改进计划");

        assertThat(api.as(org.rep().token()).get("/api/performance/pips/" + id).status()).as("her own").isEqualTo(200);
        assertThat(api.as(org.rep().token()).get("/api/performance/pips").tree().size()).isEqualTo(1);
        assertThat(api.as(org.director().token()).get("/api/performance/pips/" + id).status()).isEqualTo(200);
        assertThat(api.as(org.southManager().token()).get("/api/performance/pips/" + id).status()).isEqualTo(404);
        assertThat(ids(api.as(org.southManager().token()).get("/api/performance/pips"))).doesNotContain(id);
        assertThat(api.as(org.admin().token()).get("/api/performance/pips/" + id).status()).as("HR-sensitive").isEqualTo(403);
        assertThat(api.as(org.finance().token()).get("/api/performance/pips").status()).isEqualTo(403);

        assertThat(api.as(manager).post("/api/performance/pips/" + id + "/check-ins", Map.of("onDate", today.plusDays(1).toString(),
                "progress", "AT_RISK", "note", "明天")).errorFields()).as("not held yet").containsExactly("onDate");
        assertThat(api.as(org.rep().token()).post("/api/performance/pips/" + id + "/check-ins",
                Map.of("progress", "ON_TRACK", "note", "自评")).status()).isEqualTo(403);
        JsonNode checkedIn = api.as(manager).post("/api/performance/pips/" + id + "/check-ins",
                Map.of("progress", "AT_RISK", "note", "拜访 3 次，目标 12 次 three visits so far")).tree();
        assertThat(checkedIn.path("checkIns").size()).isEqualTo(1);
        assertThat(checkedIn.path("checkIns").get(0).path("onDate").asString()).isEqualTo(today.toString());

        assertThat(api.as(manager).post("/api/performance/pips/" + id + "/outcome", Map.of("outcome", "EXTENDED", "note", "再给一个月"))
                .errorFields()).containsExactly("extendTo");
        JsonNode extended = api.as(manager).post("/api/performance/pips/" + id + "/outcome", Map.of("outcome", "EXTENDED",
                "extendTo", today.plusDays(90).toString(), "note", "再给一个月")).tree();
        assertThat(extended.path("status").asString()).isEqualTo("EXTENDED");
        assertThat(extended.path("endsOn").asString()).isEqualTo(today.plusDays(90).toString());
        JsonNode passed = api.as(manager).post("/api/performance/pips/" + id + "/outcome", Map.of("outcome", "PASSED",
                "note", "拜访达标 visits reached")).tree();
        assertThat(passed.path("status").asString()).isEqualTo("PASSED");
        assertThat(passed.path("closedBy").asString()).isEqualTo(org.manager().username());
        assertThat(api.as(manager).post("/api/performance/pips/" + id + "/check-ins", Map.of("progress", "ON_TRACK", "note", "晚了"))
                .status()).as("closed").isEqualTo(409);

        List<Map<String, Object>> trail = jdbc.sql("SELECT action, actor, before::text AS b, after::text AS a FROM audit_event "
                + "WHERE entity_type = 'pip' AND entity_id = :id ORDER BY id").param("id", String.valueOf(id)).query().listOfRows();
        assertThat(trail).extracting(r -> r.get("action")).containsExactly("CREATE", "CHECK_IN", "EXTENDED", "PASSED");
        assertThat(trail).extracting(r -> r.get("actor")).containsOnly(org.manager().username());
        assertThat(trail.toString()).as("no goals or notes in the trail admins read").doesNotContain("拜访", "陪访", "一个月", "REVENUE");
    }

    @Test
    void repsBelowTheThresholdForTheLastClosedMonthsAreSuggestedUnlessAPlanRuns() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        long scheme = api.as(org.admin().token()).post("/api/performance/schemes", Map.of("audience", "NEW", "periodKind", "MONTH",
                "dimensions", List.of(Map.of("metric", "VISITS", "weight", 100, "targets", Map.of("target", 4), "curve", "LINEAR",
                        "capPercent", 100)))).tree().path("id").asLong();
        LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
        snapshot(org.liNa().id(), org.shanghai().id(), scheme, month.minusMonths(3), 90);
        snapshot(org.liNa().id(), org.shanghai().id(), scheme, month.minusMonths(2), 45);
        snapshot(org.liNa().id(), org.shanghai().id(), scheme, month.minusMonths(1), 52.5);
        snapshot(org.wangWei().id(), org.shanghai().id(), scheme, month.minusMonths(2), 40);
        snapshot(org.wangWei().id(), org.shanghai().id(), scheme, month.minusMonths(1), 75);
        snapshot(org.emilyChen().id(), org.shanghai().id(), scheme, month.minusMonths(1), 30);

        String manager = org.manager().token();
        JsonNode suggested = api.as(manager).get("/api/performance/pips/suggestions").tree();
        List<Long> reps = suggested.valueStream().map(s -> s.path("repId").asLong()).toList();
        assertThat(reps).as("two months below 60; one month is not enough; 75 is not below").contains(org.liNa().id())
                .doesNotContain(org.wangWei().id(), org.emilyChen().id());
        JsonNode liNa = suggested.valueStream().filter(s -> s.path("repId").asLong() == org.liNa().id()).findFirst().orElseThrow();
        assertThat(liNa.path("scores").toString()).isEqualTo("[45.0,52.5]");
        assertThat(api.as(org.southManager().token()).get("/api/performance/pips/suggestions").tree().valueStream()
                .map(s -> s.path("repId").asLong()).toList()).doesNotContain(org.liNa().id());
        assertThat(api.as(org.rep().token()).get("/api/performance/pips/suggestions").status()).isEqualTo(403);

        LocalDate today = LocalDate.now(clock);
        assertThat(api.as(manager).post("/api/performance/pips", plan(org.liNa().id(), today, today.plusDays(30),
                List.of(goal("VISITS", 8)), List.of())).status()).isEqualTo(201);
        assertThat(api.as(manager).get("/api/performance/pips/suggestions").tree().valueStream().map(s -> s.path("repId").asLong()).toList())
                .as("a running plan").doesNotContain(org.liNa().id());
    }

    @Test
    void theFormKeepsWhatWasTypedAndTheRepReachesHerPlanFromHerScorecard() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String manager = org.manager().token();
        LocalDate today = LocalDate.now(clock);
        ApiResponse page = api.as(manager).language("zh-CN").get("/performance/pips");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("绩效改进计划").contains("发起改进计划");
        ApiResponse refused = api.as(manager).language("zh-CN").postForm("/performance/pips", Map.of("repId", String.valueOf(org.liNa().id()),
                "startsOn", today.toString(), "endsOn", "not a date", "goal0.metric", "VISITS", "goal0.target", "十二",
                "support", "每周陪访一次"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("请按 YYYY-MM-DD 输入日期。").contains("目标值须为数字").contains("每周陪访一次").contains("十二");
        ApiResponse created = api.as(manager).postForm("/performance/pips", Map.of("repId", String.valueOf(org.liNa().id()),
                "startsOn", today.toString(), "endsOn", today.plusDays(45).toString(), "goal0.metric", "VISITS", "goal0.target", "12",
                "checkIn0", today.plusDays(7).toString(), "support", "每周陪访一次"));
        assertThat(created.status()).isEqualTo(302);
        String location = java.net.URI.create(created.location()).getPath();
        assertThat(api.as(manager).language("zh-CN").get(location).body()).contains("拜访").contains("每周陪访一次").contains(today.plusDays(7).toString());
        assertThat(api.as(org.rep().token()).language("zh-CN").get("/performance").body()).contains("你的绩效改进计划进行至");
        assertThat(api.as(org.admin().token()).get(location).status()).isEqualTo(403);
    }

    private void snapshot(long rep, long team, long scheme, LocalDate start, double total) {
        jdbc.sql("""
                        INSERT INTO scorecard_snapshot (rep_id, team_id, period_kind, period_start, period_end, scheme_id, total, card, frozen_by, frozen_at)
                        VALUES (:rep, :team, 'MONTH', :start, :end, :scheme, :total, '{}', 'test', now())""")
                .param("rep", rep).param("team", team).param("start", java.sql.Date.valueOf(start))
                .param("end", java.sql.Date.valueOf(start.plusMonths(1).minusDays(1))).param("scheme", scheme).param("total", total).update();
    }

    private static Map<String, Object> plan(long rep, LocalDate from, LocalDate until, List<Map<String, Object>> goals, List<LocalDate> checkIns) {
        return Map.of("repId", rep, "startsOn", from.toString(), "endsOn", until.toString(), "goals", goals,
                "checkInDates", checkIns.stream().map(LocalDate::toString).toList());
    }

    private static Map<String, Object> goal(String metric, int target) {
        return Map.of("metric", metric, "target", target);
    }

    private static List<Long> ids(ApiResponse response) {
        return response.tree().valueStream().map(n -> n.path("id").asLong()).toList();
    }
}
