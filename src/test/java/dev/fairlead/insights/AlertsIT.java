package dev.fairlead.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each alert rule fires on the subject whose figures call for it and on no other, a second run opens
 * and sends nothing new, an alert closes itself when its condition clears, quiet hours hold the
 * notification back, a snooze hides the alert and sends it again when it ends; acknowledgement and
 * rule changes are the team's managers' (audited), not another team's.
 */
@IntegrationTest
class AlertsIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired AlertJob job;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void everyRuleFiresOnceOnWhatCallsForItClosesWhenClearedAndRespectsQuietHoursAndSnooze() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        InsightsFixture f = new InsightsFixture(org, jdbc, clock);
        f.lead(org.liNa(), 2, 1, 100_000);
        var l2 = f.lead(org.liNa(), 5, null, 50_000);
        var l3 = f.lead(org.liNa(), 10, null, 30_000);
        f.lead(org.liNa(), 40, 20, 20_000);
        var w1 = f.lead(org.wangWei(), 30, 10, 60_000);
        for (int d = 12; d <= 24; d += 2) {
            f.followUp(w1.id(), org.wangWei(), f.daysAgo(d));
        }
        f.lead(org.wangWei(), 3, null, 40_000);
        f.lead(org.emilyChen(), 15, 3, 80_000);
        f.capacity(org.liNa(), 3);
        f.slaTimer(l2, "BREACHED");
        long pool = f.pool(org.shanghai().id());
        long p1 = f.pooledLead(pool, 1, "POOLED");
        f.pooledLead(pool, 2, "POOLED");
        f.pooledLead(pool, 3, "RELEASED");
        f.move(p1, f.daysAgo(0.5), "CLAIMED", null, org.emilyChen().id(), pool, null);
        String manager = org.manager().token();
        goal(manager, org.liNa().id(), 20);
        goal(manager, org.wangWei().id(), 1);

        long team = org.shanghai().id();
        assertThat(api.as(org.southManager().token()).post("/api/insights/alert-rules", rule(team, "OVERLOAD", 1, null)).status())
                .isEqualTo(404);
        assertThat(api.as(org.rep().token()).post("/api/insights/alert-rules", rule(team, "OVERLOAD", 1, null)).status()).isEqualTo(403);
        assertThat(api.as(manager).post("/api/insights/alert-rules", Map.of("teamId", team)).errorFields())
                .contains("kind", "threshold");
        assertThat(api.as(manager).post("/api/insights/alert-rules", rule(team, "BEHIND_PACE", 80, 0.3)).errorFields())
                .containsExactly("threshold");
        Map<String, Long> rules = new HashMap<>();
        rules.put("BEHIND_PACE", created(manager, rule(team, "BEHIND_PACE", 0.8, 0.3)));
        rules.put("ACTIVITY_DROP", created(manager, rule(team, "ACTIVITY_DROP", 0.5, null)));
        rules.put("AGING_LEADS", created(manager, rule(team, "AGING_LEADS", 2, 7.0)));
        rules.put("SLA_BREACHES", created(manager, rule(team, "SLA_BREACHES", 1, 7.0)));
        rules.put("OVERLOAD", created(manager, rule(team, "OVERLOAD", 1, null)));
        Map<String, Object> quiet = new HashMap<>(rule(team, "POOL_GROWTH", 2, null));
        quiet.put("quietFrom", "09:00");
        quiet.put("quietUntil", "11:00");
        rules.put("POOL_GROWTH", created(manager, quiet));

        job.evaluateAll();
        job.evaluateAll();
        Map<String, String> expected = Map.of("BEHIND_PACE", "REP:" + org.liNa().id(), "ACTIVITY_DROP", "REP:" + org.wangWei().id(),
                "AGING_LEADS", "REP:" + org.liNa().id(), "SLA_BREACHES", "REP:" + org.liNa().id(), "OVERLOAD", "REP:" + org.liNa().id(),
                "POOL_GROWTH", "POOL:" + pool);
        assertThat(alertsByKind(rules, false)).as("one alert per rule and subject, after two runs").isEqualTo(
                expected.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        assertThat(notices(org)).as("sent once each; the pool rule is in its quiet hours").hasSize(5)
                .doesNotContain("insights-alert-pool-growth");

        JsonNode open = api.as(manager).get("/api/insights/alerts").tree();
        JsonNode aging = find(open, "AGING_LEADS");
        assertThat(aging.path("figures").path("untouchedLeads").asLong()).isEqualTo(2);
        assertThat(aging.path("link").asString()).isEqualTo("/leads?ownerRepId=" + org.liNa().id());
        assertThat(find(open, "ACTIVITY_DROP").path("figures").path("weeklyAverage").asDouble()).isEqualTo(2.0);
        assertThat(api.as(org.southManager().token()).get("/api/insights/alerts").tree().findValues("ruleId").stream()
                .map(JsonNode::asLong)).doesNotContainAnyElementsOf(rules.values());
        var page = api.as(manager).language("zh-CN").get("/insights/alerts");
        assertThat(page.body()).contains("2 条未结线索已 7 天以上未跟进");
        assertThat(api.as(manager).language("en").get("/insights/alerts").body()).contains("2 open leads untouched for 7 days or more");
        assertThat(api.as(manager).get("/insights/home/alerts").body()).contains("id=\"home-alerts-list\"", org.liNa().name());
        assertThat(api.as(org.rep().token()).get("/insights/alerts").status()).isEqualTo(403);

        // an hour on: the quiet hours are over, one lead is followed up and the capacity raised
        clock.advance(Duration.ofHours(1));
        f.followUp(l3.id(), org.liNa(), clock.instant());
        f.capacity(org.liNa(), 10);
        long activity = find(open, "ACTIVITY_DROP").path("id").asLong();
        assertThat(api.as(manager).post("/api/insights/alerts/" + activity + "/snooze",
                Map.of("until", clock.instant().plus(Duration.ofMinutes(30)).toString())).status()).isEqualTo(200);
        assertThat(api.as(manager).post("/api/insights/alerts/" + activity + "/snooze",
                Map.of("until", clock.instant().minusSeconds(1).toString())).errorFields()).containsExactly("until");
        job.evaluateAll();
        assertThat(alertsByKind(rules, false).keySet()).containsExactlyInAnyOrder("BEHIND_PACE", "ACTIVITY_DROP", "SLA_BREACHES", "POOL_GROWTH");
        assertThat(notices(org)).hasSize(6).contains("insights-alert-pool-growth");
        JsonNode history = api.as(manager).get("/api/insights/alerts?history=true").tree();
        assertThat(find(history, "AGING_LEADS").hasNonNull("closedAt")).isTrue();
        assertThat(find(history, "OVERLOAD").hasNonNull("closedAt")).isTrue();
        assertThat(api.as(manager).get("/insights/alerts").body()).doesNotContain("id=\"alert-" + activity + "\"");

        // the snooze runs out while the drop in activity still holds: it is sent again
        clock.advance(Duration.ofHours(1));
        job.evaluateAll();
        assertThat(notices(org)).hasSize(7).filteredOn("insights-alert-activity-drop"::equals).hasSize(2);

        long behind = find(open, "BEHIND_PACE").path("id").asLong();
        assertThat(api.as(org.southManager().token()).post("/api/insights/alerts/" + behind + "/acknowledge", "{}").status()).isEqualTo(404);
        assertThat(api.as(org.rep().token()).post("/api/insights/alerts/" + behind + "/acknowledge", "{}").status()).isEqualTo(403);
        JsonNode acknowledged = api.as(manager).post("/api/insights/alerts/" + behind + "/acknowledge", "{}").tree();
        assertThat(acknowledged.path("acknowledgedBy").asString()).isEqualTo(org.manager().username());
        assertThat(acknowledged.hasNonNull("closedAt")).isFalse();
        long closed = find(history, "OVERLOAD").path("id").asLong();
        assertThat(api.as(manager).post("/api/insights/alerts/" + closed + "/acknowledge", "{}").status()).isEqualTo(400);

        // a rule change is audited; the kind cannot change
        long overload = rules.get("OVERLOAD");
        assertThat(api.as(manager).put("/api/insights/alert-rules/" + overload, rule(team, "OVERLOAD", 1.5, null)).tree()
                .path("threshold").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(api.as(manager).put("/api/insights/alert-rules/" + overload, rule(team, "AGING_LEADS", 1, 1.0)).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'alert-rule' AND entity_id = :id ORDER BY id")
                .param("id", String.valueOf(overload)).query(String.class).list()).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void thresholdsOutsideWhatTheirKindCanMeanAreRefusedInTheCallersLanguage() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String manager = org.manager().token();
        long team = org.shanghai().id();
        assertThat(api.as(manager).post("/api/insights/alert-rules", rule(team, "AGING_LEADS", 2, 0.0)).errorFields())
                .as("zero days untouched").containsExactly("threshold2");
        assertThat(api.as(manager).post("/api/insights/alert-rules", rule(team, "SLA_BREACHES", 1, 2.5)).errorFields())
                .as("half a day").containsExactly("threshold2");
        assertThat(api.as(manager).post("/api/insights/alert-rules", rule(team, "SLA_BREACHES", 1, 400.0)).errorFields())
                .as("more than a year").containsExactly("threshold2");
        assertThat(api.as(manager).post("/api/insights/alert-rules", rule(team, "AGING_LEADS", 0, 7.0)).errorFields())
                .as("zero leads fires for everyone").containsExactly("threshold");
        assertThat(api.as(manager).post("/api/insights/alert-rules", rule(team, "POOL_GROWTH", 1.5, null)).errorFields())
                .as("a fraction of a lead").containsExactly("threshold");
        assertThat(api.as(manager).post("/api/insights/alert-rules", rule(team, "BEHIND_PACE", 0.8, 1.5)).errorFields())
                .as("more than the whole period gone").containsExactly("threshold2");
        assertThat(api.as(manager).post("/api/insights/alert-rules", rule(team, "BEHIND_PACE", 0.8, 0.0)).errorFields())
                .containsExactly("threshold2");
        assertThat(api.as(manager).language("zh-CN").post("/api/insights/alert-rules", rule(team, "AGING_LEADS", 2, 0.0))
                .errorMessage("threshold2")).isEqualTo("请输入 1 到 365 之间的整数天数。");
        assertThat(api.as(manager).language("en").post("/api/insights/alert-rules", rule(team, "AGING_LEADS", 2, 0.0))
                .errorMessage("threshold2")).isEqualTo("Enter whole days, from 1 to 365.");
        created(manager, rule(team, "AGING_LEADS", 2, 7.0));
        created(manager, rule(team, "SLA_BREACHES", 1, 365.0));
        created(manager, rule(team, "BEHIND_PACE", 0.8, 1.0));
        assertThat(jdbc.sql("SELECT count(*) FROM insight_alert_rule").query(Long.class).single()).isEqualTo(3);
    }

    private void goal(String token, long repId, int target) {
        assertThat(api.as(token).post("/api/goals", Map.of("metric", "NEW_LEADS", "repId", repId, "period", "2031-03", "target", target))
                .status()).isEqualTo(201);
    }

    private static Map<String, Object> rule(long team, String kind, double threshold, Double threshold2) {
        Map<String, Object> rule = new HashMap<>(Map.of("teamId", team, "kind", kind, "threshold", threshold));
        if (threshold2 != null) {
            rule.put("threshold2", threshold2);
        }
        return rule;
    }

    private long created(String token, Map<String, Object> body) {
        var response = api.as(token).post("/api/insights/alert-rules", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.tree().path("id").asLong();
    }

    /** Alerts of the rules (open only, or with closed), as subject keys by kind. */
    private Map<String, List<String>> alertsByKind(Map<String, Long> rules, boolean withClosed) {
        return jdbc.sql("SELECT kind, subject_kind || ':' || subject_id FROM insight_alert WHERE rule_id IN (:rules)"
                        + (withClosed ? "" : " AND closed_at IS NULL") + " ORDER BY id")
                .param("rules", rules.values())
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private List<String> notices(OrgFixtures.Org org) {
        return jdbc.sql("SELECT kind FROM notification WHERE user_id = :user AND kind LIKE 'insights-alert-%' ORDER BY id")
                .param("user", org.manager().user().id()).query(String.class).list();
    }

    private static JsonNode find(JsonNode alerts, String kind) {
        for (JsonNode a : alerts) {
            if (a.path("kind").asString().equals(kind)) {
                return a;
            }
        }
        throw new AssertionError("no " + kind + " alert in " + alerts);
    }
}
