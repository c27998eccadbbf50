package dev.fairlead.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.org.Rep;
import dev.fairlead.work.FollowUpCommand;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpOutcome;
import dev.fairlead.work.FollowUpService;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskService;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class GoalsIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired dev.fairlead.support.ConfirmedResults confirmed;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;
    @Autowired AuditTrail audit;
    @Autowired FollowUpService followUps;
    @Autowired TaskService tasks;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theSmartCheckRefusesAGoalWithoutMetricNumberPeriodOrUnitAndNamesEveryField() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        ApiResponse refused = api.as(org.director().token()).language("zh-CN").post("/api/goals", Map.of("target", 0));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("metric", "target", "period", "teamId");
        assertThat(refused.errorMessage("metric")).isEqualTo("SMART 目标必须有指标");
        ApiResponse noOwner = api.as(org.director().token()).post("/api/goals", goal("REVENUE", "teamId", org.company().id(), "2031", 100, -7L));
        assertThat(noOwner.errorFields()).containsExactly("ownerUserId");
        ApiResponse rep = api.as(org.rep().token()).post("/api/goals", goal("REVENUE", "repId", org.liNa().id(), "2031", 100, null));
        assertThat(rep.status()).isEqualTo(403);
        assertThat(api.as(org.director().token()).post("/api/goals", goal("NEW_CUSTOMERS", "teamId", org.company().id(), "2031", 10.5, null))
                .errorFields()).containsExactly("target");
    }

    @Test
    void aDirectorSplitsTheYearDownTheOrgTreeAdjustsOneRegionAndAReSplitKeepsIt() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String director = org.director().token();
        long company = created(api.as(director).post("/api/goals", goal("REVENUE", "teamId", org.company().id(), "2031", new BigDecimal("10000000.01"), null)));

        JsonNode plan = split(director, company, Map.of("axis", "ORG", "method", "EQUAL"));
        assertThat(values(plan)).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("5000000.01"), new BigDecimal("5000000.00"));
        long east = plan.path("children").get(0).path("goalId").asLong();
        assertThat(plan.path("children").get(0).path("unit").path("name").asString()).startsWith("华东");

        ApiResponse noReason = api.as(director).post("/api/goals/" + east + "/adjust", Map.of("target", 6000000));
        assertThat(noReason.errorFields()).containsExactly("reason");
        api.as(director).post("/api/goals/" + east + "/adjust", Map.of("target", 6000000, "reason", "华东新签大客户"));
        JsonNode parent = api.as(director).get("/api/goals/" + company).tree();
        assertThat(parent.path("childrenSum").decimalValue()).isEqualByComparingTo("11000000.00");
        assertThat(parent.path("gap").decimalValue()).isEqualByComparingTo("-999999.99");

        JsonNode again = split(director, company, Map.of("axis", "ORG", "method", "EQUAL", "reason", "re-balance"));
        assertThat(values(again)).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("6000000.00"), new BigDecimal("4000000.01"));
        assertThat(again.path("children").get(0).path("locked").asBoolean()).isTrue();
        assertThat(again.path("gap").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.as(director).get("/api/goals/" + company).tree().path("gap").decimalValue()).isEqualByComparingTo("0");
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("goal", east)).items())
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("ADJUST");
                    assertThat(e.reason()).isEqualTo("华东新签大客户");
                });

        ApiResponse managerAdjusts = api.as(org.manager().token()).post("/api/goals/" + east + "/adjust", Map.of("target", 1, "reason", "x"));
        assertThat(managerAdjusts.status()).isEqualTo(404);
        assertThat(api.as(org.rep().token()).get("/api/goals/" + company).status()).isEqualTo(404);
        assertThat(api.as(org.director().token()).post("/api/goals/" + company + "/split", Map.of("axis", "CALENDAR", "method", "EQUAL", "granularity", "MONTH"))
                .status()).isEqualTo(409);
    }

    @Test
    void theCalendarSplitFollowsSeasonalityWorkingDaysAndTheRepsOwnWorkingDays() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String director = org.director().token();
        long region = created(api.as(director).post("/api/goals", goal("REVENUE", "teamId", org.southChina().id(), "2031", 1_400_000, null)));
        List<Integer> curve = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2);
        JsonNode months = split(director, region, Map.of("axis", "CALENDAR", "method", "SEASONALITY", "granularity", "MONTH", "seasonality", curve));
        List<BigDecimal> monthValues = values(months);
        assertThat(monthValues).hasSize(12);
        assertThat(monthValues.get(0)).isEqualByComparingTo("100000");
        assertThat(monthValues.get(11)).isEqualByComparingTo("200000");
        assertThat(monthValues.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1400000");

        long march = months.path("children").get(2).path("goalId").asLong();
        JsonNode weeks = split(director, march, Map.of("axis", "CALENDAR", "method", "WORKING_DAYS", "granularity", "WEEK"));
        assertThat(values(weeks).stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100000");
        // March 2031 has 21 working days: Monday 3rd to Monday 31st; the first clipped week (1st–2nd) is a weekend
        assertThat(weeks.path("children").get(0).path("period").path("start").asString()).isEqualTo("2031-03-03");

        long repGoal = created(api.as(director).post("/api/goals", goal("WON_DEALS", "repId", org.huJun().id(), "2031-03", 10, null)));
        JsonNode days = split(director, repGoal, Map.of("axis", "CALENDAR", "method", "EQUAL", "granularity", "DAY"));
        assertThat(days.path("children")).hasSize(21);
        assertThat(values(days).stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("10");
        assertThat(values(days)).allSatisfy(v -> assertThat(v.stripTrailingZeros().scale()).isLessThanOrEqualTo(0));
    }

    @Test
    void actualsRollUpFromRealisticDealsCustomersAndLeadsThroughTheOrgTree() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String director = org.director().token();
        String month = YearMonth.now(clock).toString();
        LocalDate lastMonth = LocalDate.now(clock).minusMonths(1);
        win(director, org.liNa(), "上海汽配 CRM", "120000", "CNY", null);
        win(director, org.emilyChen(), "Key account renewal", "80000.50", "CNY", null);
        win(director, org.huJun(), "深圳电子 ERP", "70000", "CNY", null);
        win(director, org.liNa(), "HK subsidiary", "1000", "USD", null);
        win(director, org.liNa(), "上月签约", "500000", "CNY", lastMonth);
        lose(director, org.wangWei(), "苏州纺织", "50000");
        open(director, org.liNa(), "杭州物流", "90000", null);
        convertLead(org, org.wangWei(), "昆山精密" + org.n() + "有限公司");

        long companyRevenue = created(api.as(director).post("/api/goals", goal("REVENUE", "teamId", org.company().id(), month, 1_000_000, null)));
        long shanghaiRevenue = created(api.as(director).post("/api/goals", goal("REVENUE", "teamId", org.shanghai().id(), month, 400_000, null)));
        long liNaRevenue = created(api.as(director).post("/api/goals", goal("REVENUE", "repId", org.liNa().id(), month, 150_000, null)));
        long shanghaiWon = created(api.as(director).post("/api/goals", goal("WON_DEALS", "teamId", org.shanghai().id(), month, 10, null)));
        long shanghaiCustomers = created(api.as(director).post("/api/goals", goal("NEW_CUSTOMERS", "teamId", org.shanghai().id(), month, 5, null)));
        long shanghaiLeads = created(api.as(director).post("/api/goals", goal("NEW_LEADS", "teamId", org.shanghai().id(), month, 50, null)));
        long shanghaiNewDeals = created(api.as(director).post("/api/goals", goal("NEW_DEALS", "teamId", org.shanghai().id(), month, 20, null)));

        assertThat(actual(director, companyRevenue)).isEqualByComparingTo("270000.50");
        assertThat(actual(director, shanghaiRevenue)).as("the team counts its key-account sub-team, not Shenzhen, not USD, not last month")
                .isEqualByComparingTo("200000.50");
        assertThat(actual(director, liNaRevenue)).isEqualByComparingTo("120000");
        assertThat(actual(director, shanghaiWon)).isEqualByComparingTo("3");
        assertThat(actual(director, shanghaiCustomers)).isEqualByComparingTo("1");
        assertThat(actual(director, shanghaiLeads)).isEqualByComparingTo("1");
        assertThat(actual(director, shanghaiNewDeals)).isEqualByComparingTo("7");
        assertThat(api.as(org.rep().token()).get("/api/goals/mine").tree().valueStream().map(g -> g.path("goal").path("id").asLong()))
                .containsExactly(liNaRevenue);
    }

    @Test
    void paceForecastAndStatusFollowTheClock() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String director = org.director().token();
        moveClockTo(LocalDate.of(2026, 3, 17)); // 11 of March's 22 working days are over
        long goal = created(api.as(director).post("/api/goals", goal("REVENUE", "repId", org.liNa().id(), "2026-03", 220_000, null)));
        win(director, org.liNa(), "第一单", "99000", "CNY", null);

        JsonNode atRisk = api.as(org.rep().token()).get("/api/goals/" + goal).tree();
        assertThat(atRisk.path("elapsed").asDouble()).isEqualTo(0.5);
        assertThat(atRisk.path("expected").decimalValue()).isEqualByComparingTo("110000");
        assertThat(atRisk.path("status").asString()).isEqualTo("AT_RISK");
        assertThat(atRisk.path("forecast").decimalValue()).isEqualByComparingTo("198000");

        win(director, org.liNa(), "第二单", "11000", "CNY", null);
        JsonNode onTrack = api.as(org.rep().token()).get("/api/goals/mine").tree().get(0);
        assertThat(onTrack.path("status").asString()).isEqualTo("ON_TRACK");
        assertThat(onTrack.path("forecast").decimalValue()).isEqualByComparingTo("220000");

        moveClockTo(LocalDate.of(2026, 3, 26)); // 18 of 22 working days over, still 110000
        JsonNode offTrack = api.as(director).get("/api/goals/" + goal).tree();
        assertThat(offTrack.path("status").asString()).isEqualTo("OFF_TRACK");
        assertThat(api.as(director).get("/api/goals/dashboard?teamId=" + org.shanghai().id()).tree().get(0).path("goal").path("id").asLong())
                .isEqualTo(goal);

        moveClockTo(LocalDate.of(2026, 4, 2));
        JsonNode finished = api.as(director).get("/api/goals/" + goal).tree();
        assertThat(finished.path("finished").asBoolean()).isTrue();
        assertThat(finished.path("forecast").decimalValue()).isEqualByComparingTo("110000");
        assertThat(finished.path("status").asString()).isEqualTo("OFF_TRACK");
        JsonNode trend = api.as(director).get("/api/goals/" + goal + "/trend").tree();
        assertThat(trend).hasSize(31);
        assertThat(trend.get(16).path("actual").decimalValue()).isEqualByComparingTo("110000");
        assertThat(trend.get(30).path("pace").decimalValue()).isEqualByComparingTo("220000");

        ApiResponse page = dev.fairlead.support.ChartPages.signIn(api, org.director().username(), "zh-CN").get("/goals/" + goal);
        JsonNode burnUp = dev.fairlead.support.ChartPages.data(page, "goal-trend");
        List<String> labels = new java.util.ArrayList<>();
        List<Double> actuals = new java.util.ArrayList<>();
        List<Double> pace = new java.util.ArrayList<>();
        trend.forEach(t -> {
            labels.add(t.path("label").asString());
            actuals.add(t.path("actual").isNull() ? null : t.path("actual").asDouble());
            pace.add(t.path("pace").asDouble());
        });
        assertThat(dev.fairlead.support.ChartPages.labels(burnUp)).as("the burn-up is the trend, piece by piece").isEqualTo(labels);
        List<Double> chartActuals = new java.util.ArrayList<>();
        burnUp.path("actual").forEach(v -> chartActuals.add(v.isNull() ? null : v.asDouble()));
        List<Double> chartPace = new java.util.ArrayList<>();
        burnUp.path("pace").forEach(v -> chartPace.add(v.asDouble()));
        assertThat(chartActuals).isEqualTo(actuals).contains(110000.0);
        assertThat(chartPace).isEqualTo(pace);
        assertThat(chartPace.get(30)).isEqualTo(220000.0);
        assertThat(page.body()).contains("id=\"goal-trend-table\"").contains("累计完成与进度线对比");
    }

    @Test
    void theTeamDashboardSaysAheadOrBehindPaceWithASignAndNoPercentageOfAFigureTooSmallToRead() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String director = org.director().token();
        moveClockTo(LocalDate.of(2026, 3, 3)); // 1 of March's 22 working days is over: 10000 of 220000 expected
        long farAhead = created(api.as(director).post("/api/goals", goal("REVENUE", "repId", org.liNa().id(), "2026-03", 220_000, null)));
        long behind = created(api.as(director).post("/api/goals", goal("REVENUE", "repId", org.wangWei().id(), "2026-03", 220_000, null)));
        win(director, org.liNa(), "开门红", "219200", "CNY", null); // 2092% ahead, as the page used to say "behind −2,092%"
        win(director, org.wangWei(), "小单", "9200", "CNY", null);

        String zh = api.as(director).language("zh-CN").get("/goals/team?teamId=" + org.shanghai().id()).body();
        assertThat(paceCell(zh, farAhead)).isEqualTo("领先进度 +209,200.00");
        assertThat(paceCell(zh, behind)).isEqualTo("落后进度 \u22128%");
        assertThat(zh).contains("对比进度").doesNotContain("2,092");
        String en = api.as(director).language("en").get("/goals/team?teamId=" + org.shanghai().id()).body();
        assertThat(paceCell(en, farAhead)).isEqualTo("Ahead of pace +209,200.00");
        assertThat(paceCell(en, behind)).isEqualTo("Behind pace \u22128%");

        win(director, org.wangWei(), "第二单", "1920", "CNY", null); // 11120 of 10000: 11.2% ahead
        assertThat(paceCell(api.as(director).language("zh-CN").get("/goals/team?teamId=" + org.shanghai().id()).body(), behind))
                .isEqualTo("领先进度 +11%");
    }

    private static String paceCell(String page, long goal) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"dashboard-pace-" + goal + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as("pace cell of goal " + goal).isTrue();
        return m.group(1).trim();
    }

    @Test
    void suggestedQuotasShowHistoryPipelineAndPotentialBehindThem() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String director = org.director().token();
        LocalDate today = LocalDate.now(clock);
        YearMonth next = YearMonth.from(today).plusMonths(1);
        for (int back = 4; back >= 1; back--) {
            win(director, org.huJun(), "history " + back, String.valueOf(100000 + (4 - back) * 10000), "CNY", next.minusMonths(back).atDay(1).isAfter(today) ? today : next.minusMonths(back).atDay(1));
        }
        open(director, org.graceLin(), "pipeline", "200000", next.atDay(15));
        api.as(director).put("/api/goals/potentials", List.of(Map.of("kind", "CITY", "code", "440300", "potential", 5_000_000)));
        long teamGoal = created(api.as(director).post("/api/goals", goal("REVENUE", "teamId", org.shenzhen().id(), next.toString(), 300_000, null)));

        JsonNode suggestions = api.as(director).get("/api/goals/" + teamGoal + "/suggestions").tree();

        Map<String, JsonNode> byName = new HashMap<>();
        suggestions.valueStream().forEach(s -> byName.put(s.path("unit").path("name").asString(), s));
        JsonNode hu = byName.get("胡军");
        assertThat(hu.path("recentActuals").valueStream().map(JsonNode::decimalValue).toList()).hasSize(4);
        assertThat(hu.path("trend").decimalValue().signum()).isPositive();
        assertThat(hu.path("potentialShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(hu.path("weights").has("history")).isTrue();
        JsonNode grace = byName.get("Grace Lin");
        assertThat(grace.path("weightedPipeline").decimalValue()).isEqualByComparingTo("20000");
        assertThat(grace.path("suggested").decimalValue().signum()).isPositive();
    }

    @Test
    void followUpAndVisitGoalsRollUpFromTheFollowUpsRepsLog() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String month = YearMonth.now(clock).toString();
        Lead lead = leads.create(new LeadCommand(LeadSource.WEB_FORM, "太仓港机" + org.n() + "有限公司", "吴军", null, "13700001111", null,
                null, null, null, null, null, null, null, List.of()));
        ownership.assign(lead.id(), org.liNa().id(), "test", false);
        untilItsEventsAreHandled(lead.id());
        Viewer li = new Viewer(org.rep().user().id(), org.rep().username(), dev.fairlead.common.Role.REP, org.shanghai().id(), org.liNa().id());
        followUps.log(li, lead.id(), new FollowUpCommand(FollowUpKind.CALL, FollowUpOutcome.POSITIVE, "首次电话", null, null, null));
        followUps.log(li, lead.id(), new FollowUpCommand(FollowUpKind.VISIT, FollowUpOutcome.POSITIVE, "上门拜访", null, null, null));
        followUps.log(li, lead.id(), new FollowUpCommand(FollowUpKind.VISIT, FollowUpOutcome.NEUTRAL, "二次拜访", null, null, null));

        String director = org.director().token();
        assertThat(api.as(director).get("/api/goals/metrics").tree().valueStream().map(JsonNode::asString)).contains("FOLLOW_UPS", "VISITS");
        long visits = created(api.as(director).post("/api/goals", goal("VISITS", "teamId", org.shanghai().id(), month, 20, null)));
        long followUpsGoal = created(api.as(director).post("/api/goals", goal("FOLLOW_UPS", "repId", org.liNa().id(), month, 40, null)));
        long southVisits = created(api.as(director).post("/api/goals", goal("VISITS", "teamId", org.southChina().id(), month, 20, null)));

        assertThat(actual(director, visits)).isEqualByComparingTo("2");
        assertThat(actual(director, followUpsGoal)).isEqualByComparingTo("3");
        assertThat(actual(director, southVisits)).isEqualByComparingTo("0");
    }

    @Test
    void aMonthlyGoalBecomesOneTaskPerRemainingWeekForEachRepAndGeneratingAgainAddsNone() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String director = org.director().token();
        moveClockTo(LocalDate.of(2026, 3, 11)); // a Wednesday: weeks of 9, 16, 23 and 30 March remain
        long team = created(api.as(director).post("/api/goals", goal("NEW_CUSTOMERS", "teamId", org.shanghai().id(), "2026-03", 20, null)));
        split(director, team, Map.of("axis", "ORG", "method", "WEIGHTS", "weights", Map.of("rep:" + org.liNa().id(), 1, "rep:" + org.wangWei().id(), 1)));

        JsonNode generated = api.as(director).post("/api/goals/" + team + "/tasks", Map.of("typeCode", "VISIT", "reason", "每周拜访")).tree();

        assertThat(generated.path("taskIds")).hasSize(8);
        Viewer li = new Viewer(org.rep().user().id(), org.rep().username(), dev.fairlead.common.Role.REP, org.shanghai().id(), org.liNa().id());
        List<Task> mine = tasks.mine(li).stream().filter(t -> "VISIT".equals(t.typeCode())).toList();
        assertThat(mine).hasSize(4);
        assertThat(mine).allSatisfy(t -> assertThat(t.title()).contains("New customers"));
        assertThat(mine).extracting(t -> t.dueAt().atZone(ZoneId.systemDefault()).toLocalDate())
                .containsExactlyInAnyOrder(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 22), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 31));
        // 10 customers for 李娜 over 3 + 5 + 5 + 2 remaining working days
        assertThat(mine).extracting(Task::title).anySatisfy(title -> assertThat(title).contains("2026-W11").endsWith(": 2 in week 2026-W11")
                .isNotNull());
        assertThat(api.as(director).post("/api/goals/" + team + "/tasks", Map.of()).tree().path("taskIds")).isEmpty();
        assertThat(api.as(director).post("/api/goals/" + team + "/tasks", Map.of("typeCode", "NAP")).errorFields()).containsExactly("typeCode");
    }

    // ---------------------------------------------------------------- helpers

    /** Waits until the asynchronous listeners (SLA timers) have handled the lead's events, as a rep would by not being that fast. */
    private void untilItsEventsAreHandled(long leadId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :lead
                        """).param("lead", "%\"leadId\":" + leadId + ",%").query(Long.class).single() == 0);
    }

    private void moveClockTo(LocalDate day) {
        LocalDateTime target = day.atTime(10, 0);
        clock.advance(Duration.between(clock.instant(), target.atZone(ZoneId.systemDefault()).toInstant()));
    }

    private static Map<String, Object> goal(String metric, String unitField, long unitId, String period, Object target, Long owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("metric", metric);
        body.put(unitField, unitId);
        body.put("period", period);
        body.put("target", target);
        if (owner != null) {
            body.put("ownerUserId", owner);
        }
        return body;
    }

    private static long created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.tree().path("id").asLong();
    }

    private JsonNode split(String token, long goal, Map<String, Object> body) {
        ApiResponse r = api.as(token).post("/api/goals/" + goal + "/split", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.tree();
    }

    private static List<BigDecimal> values(JsonNode plan) {
        List<BigDecimal> values = new ArrayList<>();
        plan.path("children").valueStream().forEach(c -> values.add(c.path("value").decimalValue()));
        return values;
    }

    private BigDecimal actual(String token, long goal) {
        return api.as(token).get("/api/goals/" + goal).tree().path("actual").decimalValue();
    }

    private long open(String token, Rep rep, String name, String amount, LocalDate expectedClose) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "amount", new BigDecimal(amount), "ownerRepId", rep.id()));
        if (expectedClose != null) {
            body.put("expectedClose", expectedClose.toString());
        }
        ApiResponse r = api.as(token).post("/api/deals", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.tree().path("id").asLong();
    }

    private void win(String token, Rep rep, String name, String amount, String currency, LocalDate wonOn) {
        ApiResponse r = api.as(token).post("/api/deals", Map.of("name", name, "amount", new BigDecimal(amount), "currency", currency,
                "ownerRepId", rep.id(), "stage", "negotiation"));
        Map<String, Object> move = new HashMap<>(Map.of("stage", "won"));
        if (wonOn != null) {
            move.put("wonOn", wonOn.toString());
        }
        long id = r.tree().path("id").asLong();
        ApiResponse w = api.as(token).post("/api/deals/" + id + "/stage", move);
        assertThat(w.status()).as(w.toString()).isEqualTo(200);
        // only confirmed credit is revenue, on the day finance confirms it (decision 0502): confirmed the day it was won
        if (wonOn == null) {
            confirmed.confirm(id);
        } else {
            confirmed.confirmOn(id, wonOn);
        }
    }

    private void lose(String token, Rep rep, String name, String amount) {
        long id = open(token, rep, name, amount, null);
        api.as(token).post("/api/deals/" + id + "/stage", Map.of("stage", "lost", "lostReason", "价格"));
    }

    private void convertLead(OrgFixtures.Org org, Rep rep, String company) {
        Lead lead = leads.create(new LeadCommand(LeadSource.REFERRAL, company, "陈刚", null, "13800001111", null, null, null,
                "320000", null, null, "erp", new BigDecimal("60000"), List.of()));
        ownership.assign(lead.id(), rep.id(), "test", false);
        ApiResponse r = api.as(org.director().token()).post("/api/deals/from-lead/" + lead.id(), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
