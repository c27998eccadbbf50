package dev.fairlead.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fairlead.org.Rep;
import dev.fairlead.support.Api;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each dashboard figure against what the fixture data says it must be, worked out here in Java from
 * the leads, follow-ups, timers and moves the test wrote (not by the same SQL); and the data scope:
 * a manager sees their team and below, never another team's figures, a rep only their own.
 */
@IntegrationTest
class InsightsDashboardIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** The organisation with its data; see {@link InsightsFixture} for "now". */
    record Data(InsightsFixture f, long poolId, long goalId) {}

    Data data() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        InsightsFixture f = new InsightsFixture(org, jdbc, clock);
        var l1 = f.lead(org.liNa(), 2, 1, 100_000);
        var l2 = f.lead(org.liNa(), 5, null, 50_000);
        f.lead(org.liNa(), 10, null, 30_000);
        f.lead(org.liNa(), 40, 20, 20_000);
        var w1 = f.lead(org.wangWei(), 30, 10, 60_000);
        for (int d = 12; d <= 24; d += 2) {
            f.followUp(w1.id(), org.wangWei(), f.daysAgo(d));
        }
        var w2 = f.lead(org.wangWei(), 3, null, 40_000);
        f.lead(org.emilyChen(), 15, 3, 80_000);
        var h1 = f.lead(org.huJun(), 4, null, 999_999);
        f.capacity(org.liNa(), 3);
        f.slaTimer(l1, "MET");
        f.slaTimer(l2, "BREACHED");
        f.slaTimer(f.leads.get(2), "RUNNING");
        f.slaTimer(w2, "MET");
        f.slaTimer(h1, "BREACHED");
        long pool = f.pool(org.shanghai().id());
        long p1 = f.pooledLead(pool, 1, "POOLED");
        f.pooledLead(pool, 2, "POOLED");
        f.pooledLead(pool, 3, "RELEASED");
        f.move(p1, f.daysAgo(0.5), "CLAIMED", null, org.wangWei().id(), pool, null);
        long goal = api.as(org.manager().token()).post("/api/goals", Map.of("metric", "NEW_LEADS", "repId", org.liNa().id(),
                "period", "2031-03", "target", 20)).tree().path("id").asLong();
        return new Data(f, pool, goal);
    }

    @Test
    void everyFigureMatchesTheFixtureForTheShanghaiManager() {
        Data d = data();
        InsightsFixture f = d.f();
        OrgFixtures.Org org = f.org;
        String manager = org.manager().token();
        List<Rep> shanghai = List.of(org.liNa(), org.wangWei(), org.emilyChen());

        // lead aging: open leads by owner and days since last touch
        JsonNode aging = ok(api.as(manager).get("/api/insights/lead-aging")).path("reps");
        assertThat(aging).hasSize(3);
        for (JsonNode row : aging) {
            long rep = row.path("repId").asLong();
            int[] buckets = new int[5];
            f.leads.stream().filter(l -> l.owner().id() == rep).forEach(l -> buckets[bucket(l.untouchedDays())]++);
            assertThat(new long[] {row.path("days0to2").asLong(), row.path("days3to6").asLong(), row.path("days7to13").asLong(),
                    row.path("days14to29").asLong(), row.path("days30plus").asLong()})
                    .as("aging of rep %d", rep).containsExactly(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4]);
            assertThat(row.path("link").asString()).isEqualTo("/leads?ownerRepId=" + rep);
        }

        // workload: open leads against capacity
        JsonNode load = ok(api.as(manager).get("/api/insights/workload")).path("reps");
        Map<Long, JsonNode> byRep = byRep(load);
        assertThat(byRep.keySet()).containsExactlyInAnyOrderElementsOf(shanghai.stream().map(Rep::id).toList());
        for (Rep rep : shanghai) {
            long open = f.leads.stream().filter(l -> l.owner().id() == rep.id()).count();
            int capacity = rep.id() == org.liNa().id() ? 3 : 80;
            assertThat(byRep.get(rep.id()).path("open").asLong()).isEqualTo(open);
            assertThat(byRep.get(rep.id()).path("capacity").asInt()).isEqualTo(capacity);
            assertThat(byRep.get(rep.id()).path("overloaded").asBoolean()).isEqualTo(open > capacity);
        }

        // fairness: leads (and their budget) received in March, Gini within the tier, max/min
        JsonNode fairness = ok(api.as(manager).get("/api/insights/fairness?period=MONTH"));
        LocalDate march = LocalDate.of(2031, 3, 1);
        Map<Long, long[]> received = new HashMap<>();
        shanghai.forEach(r -> received.put(r.id(), new long[2]));
        f.leads.stream().filter(l -> received.containsKey(l.owner().id()) && !LocalDate.from(
                        f.daysAgo(l.assignedDaysAgo()).atZone(clock.getZone())).isBefore(march))
                .forEach(l -> {
                    received.get(l.owner().id())[0]++;
                    received.get(l.owner().id())[1] += l.budget().longValue();
                });
        received.get(org.wangWei().id())[0]++; // the lead claimed from the pool, which has no budget
        for (JsonNode row : fairness.path("reps")) {
            long[] expected = received.get(row.path("repId").asLong());
            assertThat(row.path("leads").asLong()).isEqualTo(expected[0]);
            assertThat(row.path("expectedValue").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(expected[1]));
        }
        double[] counts = received.values().stream().mapToDouble(a -> a[0]).toArray();
        assertThat(fairness.path("giniByTier").path("REGULAR").asDouble()).isCloseTo(meanDifferenceGini(counts), within(1e-9));
        assertThat(fairness.path("maxMinLeadRatio").asDouble()).isCloseTo(3.0, within(1e-9));

        // SLA: met, breached, running by team and rep; compliance = met / (met + breached)
        JsonNode sla = ok(api.as(manager).get("/api/insights/sla?period=MONTH")).path("rows");
        JsonNode team = find(sla, r -> !r.hasNonNull("repId") && r.path("teamId").asLong() == org.shanghai().id());
        assertThat(List.of(team.path("met").asLong(), team.path("breached").asLong(), team.path("running").asLong())).containsExactly(2L, 1L, 1L);
        assertThat(team.path("compliance").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        JsonNode liNa = find(sla, r -> r.path("repId").asLong() == org.liNa().id());
        assertThat(List.of(liNa.path("met").asLong(), liNa.path("breached").asLong())).containsExactly(1L, 1L);
        assertThat(sla).noneMatch(r -> r.path("teamId").asLong() == org.shenzhen().id());

        // pool flows per week (Monday): in by reason, out by claim
        JsonNode weeks = ok(api.as(manager).get("/api/insights/pool-flows?period=MONTH")).path("weeks");
        assertThat(weeks).hasSize(2);
        JsonNode previous = weeks.get(0);
        JsonNode current = weeks.get(1);
        assertThat(previous.path("week").asString()).isEqualTo(monday(f.daysAgo(3)).toString());
        assertThat(previous.path("inReleased").asLong()).isEqualTo(1);
        assertThat(current.path("week").asString()).isEqualTo("2031-03-17");
        assertThat(List.of(current.path("inNoEligibleRep").asLong(), current.path("outClaimed").asLong())).containsExactly(2L, 1L);

        // progress: 3 new leads of 20 with 12 of March's 21 working days gone (Mon-Fri; none is a holiday)
        JsonNode goal = find(ok(api.as(manager).get("/api/insights/progress?period=MONTH")).path("goals"),
                g -> g.path("goalId").asLong() == d.goalId());
        double elapsed = weekdays(march, LocalDate.of(2031, 3, 19)) / (double) weekdays(march, LocalDate.of(2031, 4, 1));
        assertThat(goal.path("actual").decimalValue()).isEqualByComparingTo("3");
        assertThat(goal.path("elapsed").asDouble()).isCloseTo(elapsed, within(1e-9));
        assertThat(goal.path("projected").decimalValue().doubleValue()).isCloseTo(3 / elapsed, within(0.005));
        assertThat(goal.path("gap").decimalValue()).isEqualByComparingTo("17");
        int left = weekdays(LocalDate.of(2031, 3, 19), LocalDate.of(2031, 4, 1));
        assertThat(goal.path("remainingWorkingDays").asInt()).isEqualTo(left).isEqualTo(9);
        assertThat(goal.path("gapPerWorkingDay").decimalValue().doubleValue()).isCloseTo(17.0 / left, within(0.005));
        assertThat(goal.path("link").asString()).isEqualTo("/goals/" + d.goalId());

        // funnel: the deals module's funnel over the deals opened this month (none here) still lists every stage
        JsonNode funnel = ok(api.as(manager).get("/api/insights/funnel?period=MONTH"));
        assertThat(funnel.path("stages").size()).isGreaterThanOrEqualTo(4);
        assertThat(funnel.path("deals").asLong()).isZero();
    }

    @Test
    void aManagerNeverSeesAnotherTeamsFiguresAndARepOnlyTheirOwn() {
        Data d = data();
        OrgFixtures.Org org = d.f().org;
        String south = org.southManager().token();
        for (String figure : List.of("lead-aging", "workload", "fairness", "sla", "pool-flows", "progress", "funnel")) {
            assertThat(api.as(south).get("/api/insights/" + figure + "?teamId=" + org.shanghai().id()).status())
                    .as(figure).isEqualTo(404);
        }
        assertThat(ok(api.as(south).get("/api/insights/workload")).path("reps").findValues("repId").stream().map(JsonNode::asLong))
                .containsExactlyInAnyOrder(org.huJun().id(), org.graceLin().id());
        assertThat(ok(api.as(south).get("/api/insights/pool-flows")).path("weeks")).isEmpty();
        assertThat(ok(api.as(south).get("/api/insights/sla")).path("rows").findValues("repId").stream()
                .filter(n -> !n.isNull()).map(JsonNode::asLong)).containsExactly(org.huJun().id());

        String rep = org.rep().token();
        assertThat(ok(api.as(rep).get("/api/insights/lead-aging")).path("reps").findValues("repId").stream().map(JsonNode::asLong))
                .containsExactly(org.liNa().id());
        assertThat(ok(api.as(rep).get("/api/insights/workload?teamId=" + org.shanghai().id())).path("reps")
                .findValues("repId").stream().map(JsonNode::asLong)).containsExactly(org.liNa().id());

        // the director sees both regions when asking for the company
        assertThat(ok(api.as(org.director().token()).get("/api/insights/workload?teamId=" + org.company().id())).path("reps"))
                .hasSize(5);
        assertThat(api.as(org.manager().token()).get("/api/insights/fairness?period=DAY").status()).isEqualTo(400);
    }

    @Test
    void theDashboardPageShowsEveryFigureInBothLanguagesAndLinksToTheRecords() {
        Data d = data();
        OrgFixtures.Org org = d.f().org;
        var en = api.as(org.manager().token()).language("en").get("/insights");
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).contains("Lead aging", "id=\"aging-" + org.liNa().id() + "\"", "/leads?ownerRepId=" + org.liNa().id(),
                "id=\"progress-" + d.goalId() + "\"", "aging-chart-data", "id=\"pool-2031-03-17\"").doesNotContain("胡军");
        var zh = api.as(org.manager().token()).language("zh-CN").get("/insights");
        assertThat(zh.body()).contains("线索账龄", "分配公平性");
        assertThat(api.as(org.rep().token()).get("/insights").status()).isEqualTo(200);
    }

    private static int bucket(int days) {
        return days < 3 ? 0 : days < 7 ? 1 : days < 14 ? 2 : days < 30 ? 3 : 4;
    }

    /** Gini as the mean absolute difference over twice the mean: sum |xi - xj| over all pairs / (2 n² mean). */
    static double meanDifferenceGini(double[] x) {
        double sum = 0;
        double total = 0;
        for (double a : x) {
            total += a;
            for (double b : x) {
                sum += Math.abs(a - b);
            }
        }
        double mean = total / x.length;
        return sum / (2.0 * x.length * x.length * mean);
    }

    private static int weekdays(LocalDate from, LocalDate until) {
        int n = 0;
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            n += day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : 1;
        }
        return n;
    }

    private LocalDate monday(java.time.Instant at) {
        LocalDate day = LocalDate.from(at.atZone(clock.getZone()));
        return day.minusDays(day.getDayOfWeek().getValue() - 1);
    }

    private static JsonNode ok(dev.fairlead.support.ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.tree();
    }

    private static Map<Long, JsonNode> byRep(JsonNode rows) {
        Map<Long, JsonNode> m = new HashMap<>();
        rows.forEach(r -> m.put(r.path("repId").asLong(), r));
        return m;
    }

    private static JsonNode find(JsonNode rows, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode r : rows) {
            if (test.test(r)) {
                return r;
            }
        }
        throw new AssertionError("no row matches in " + rows);
    }

    static Timestamp ts(java.time.Instant i) {
        return Timestamp.from(i);
    }
}
