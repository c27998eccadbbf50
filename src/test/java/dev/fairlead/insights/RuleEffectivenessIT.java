package dev.fairlead.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fairlead.org.Rep;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every rule-effectiveness figure against what the fixture says it must be, worked out here in Java from
 * the cases the test wrote (percentiles interpolated as the textbook says, shares and sums counted by
 * hand), not by the same SQL; and the data scope: a manager of another region sees none of Shanghai's.
 */
@IntegrationTest
class RuleEffectivenessIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    record Data(ReviewFixture f, long[] a, long[] b, List<ReviewFixture.Case> shanghai, List<ReviewFixture.Case> shenzhen) {}

    /**
     * Version A: rule a-main (34 Shanghai leads: enough to judge), a-vip (6); version B: b-main (12) and 3 leads pooled
     * with no rule matched, in a pool serving Shanghai. Two Shenzhen leads under a-main. Around them: a decision before
     * the quarter, a second decision of a lead (counted for its first), follow-ups before the decision, a cancelled timer,
     * a timer of another rep, a won deal in another currency.
     */
    Data data() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        ReviewFixture f = new ReviewFixture(org, jdbc, clock);
        long[] a = f.ruleSet("复盘规则集 A", "a-main", "上海主规则", "a-vip", "大客户规则");
        long[] b = f.ruleSet("复盘规则集 B", "b-main", "新主规则");
        long pool = f.pool(org.shanghai().id());
        List<Rep> reps = List.of(org.liNa(), org.wangWei(), org.emilyChen());
        List<ReviewFixture.Case> shanghai = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            long[] set = i < 40 ? a : b;
            String rule = i < 34 ? "a-main" : i < 40 ? "a-vip" : "b-main";
            shanghai.add(routed(f, set, rule, reps.get(i % 3), i));
        }
        for (int i = 0; i < 3; i++) {
            long lead = f.lead(null, "复盘公海线索");
            f.decision(lead, b, null, "POOLED", null, pool, f.hoursAgo(30 + i));
            shanghai.add(new ReviewFixture.Case(lead, (int) b[1], "", true, null, null, false, false, BigDecimal.ZERO, null));
        }
        List<ReviewFixture.Case> shenzhen = List.of(routed(f, a, "a-main", org.huJun(), 3), routed(f, a, "a-main", org.graceLin(), 5));
        // before the quarter: not counted
        long old = f.lead(org.liNa(), "复盘旧线索");
        f.decision(old, a, "a-main", "ASSIGNED", org.liNa().id(), null, f.hoursAgo(24 * 60));
        // the first case's lead routed again later under B: it still counts once, for A
        f.decision(shanghai.get(0).leadId(), b, "b-main", "ASSIGNED", org.wangWei().id(), null, f.hoursAgo(1));
        return new Data(f, a, b, shanghai, shenzhen);
    }

    /** A lead routed {@code i}-dependent hours ago with a follow-up, deal and timer pattern that differs by i. */
    private static ReviewFixture.Case routed(ReviewFixture f, long[] set, String rule, Rep rep, int i) {
        long lead = f.lead(rep, "复盘线索");
        Instant decided = f.hoursAgo(24 * (1 + i % 40) + 3);
        f.decision(lead, set, rule, "ASSIGNED", rep.id(), null, decided);
        f.followUp(lead, rep, decided.minusSeconds(3600));                    // before the decision: not the first contact
        Double hours = null;
        if (i % 4 != 0) {
            hours = (i * 7 % 50) + 0.5;
            f.followUp(lead, rep, decided.plusSeconds(Math.round(hours * 3600)));
            f.followUp(lead, rep, decided.plusSeconds(Math.round(hours * 3600) + 7200));
        }
        boolean won = i % 5 == 0;
        boolean deal = won || i % 3 == 0;
        BigDecimal revenue = BigDecimal.ZERO;
        if (won && i % 10 == 5) {
            f.deal(lead, rep, true, 9_999, "USD");                             // won, but not in the reporting currency
        } else if (won) {
            revenue = BigDecimal.valueOf(1000L * (i % 7 + 1));
            f.deal(lead, rep, true, revenue.intValue(), "CNY");
        } else if (deal) {
            f.deal(lead, rep, false, 5_000, "CNY");
        }
        String sla = null;
        if (i % 6 == 3) {
            f.slaTimer(lead, rep, decided, "CANCELLED");
        } else if (i % 2 == 0) {
            f.slaTimer(lead, rep, decided, "MET");
            sla = "MET";
        } else if (i % 6 == 1) {
            f.slaTimer(lead, rep, decided, "BREACHED");
            sla = "BREACHED";
        }
        ReviewFixture.Case c = new ReviewFixture.Case(lead, (int) set[1], rule, false, rep, hours, deal, won, revenue, sla);
        f.cases.add(c);
        return c;
    }

    @Test
    void everyFigureOfEveryRuleAndVersionMatchesTheFixture() {
        Data d = data();
        JsonNode result = api.as(d.f().org.manager().token()).get("/api/insights/rule-effectiveness?period=QUARTER").tree();
        assertThat(result.path("minimumBasis").asInt()).isEqualTo(30);
        assertThat(result.path("period").path("start").asString()).isEqualTo("2031-04-01");
        List<JsonNode> rows = new ArrayList<>();
        result.path("rows").forEach(rows::add);
        int va = (int) d.a()[1];
        int vb = (int) d.b()[1];
        assertThat(rows).extracting(r -> r.path("version").asInt() + "/" + (r.path("total").asBoolean() ? "*" : r.path("ruleKey").asString()))
                .containsExactly(va + "/*", va + "/a-main", va + "/a-vip", vb + "/*", vb + "/", vb + "/b-main");
        check(row(rows, va, "a-main"), d.shanghai().stream().filter(c -> c.version() == va && c.ruleKey().equals("a-main")).toList());
        check(row(rows, va, "a-vip"), d.shanghai().stream().filter(c -> c.version() == va && c.ruleKey().equals("a-vip")).toList());
        check(row(rows, va, null), d.shanghai().stream().filter(c -> c.version() == va).toList());
        check(row(rows, vb, "b-main"), d.shanghai().stream().filter(c -> c.version() == vb && c.ruleKey().equals("b-main")).toList());
        check(row(rows, vb, ""), d.shanghai().stream().filter(c -> c.version() == vb && c.pooled()).toList());
        check(row(rows, vb, null), d.shanghai().stream().filter(c -> c.version() == vb).toList());
        assertThat(row(rows, va, "a-main").path("ruleName").asString()).isEqualTo("上海主规则");
        assertThat(row(rows, va, "a-main").path("tooFew").asBoolean()).isFalse();
        assertThat(row(rows, va, "a-vip").path("tooFew").asBoolean()).isTrue();
        assertThat(row(rows, va, "a-vip").path("conversionToDeal").path("tooFew").asBoolean()).isTrue();
        assertThat(row(rows, vb, "").path("sharePooled").path("value").asDouble()).isEqualTo(1.0);
    }

    /** Each figure of a row against the cases behind it, counted here. */
    private static void check(JsonNode row, List<ReviewFixture.Case> cases) {
        int n = cases.size();
        assertThat(row.path("leadsRouted").asLong()).as("leads of %s", row).isEqualTo(n);
        List<Double> hours = cases.stream().map(ReviewFixture.Case::hours).filter(Objects::nonNull).sorted().toList();
        figure(row, "medianHoursToFirstContact", percentile(hours, 0.5), hours.size());
        figure(row, "p90HoursToFirstContact", percentile(hours, 0.9), hours.size());
        figure(row, "conversionToDeal", share(cases, ReviewFixture.Case::deal), n);
        figure(row, "conversionToWon", share(cases, ReviewFixture.Case::won), n);
        BigDecimal revenue = cases.stream().map(ReviewFixture.Case::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        figure(row, "revenuePerLead", revenue.doubleValue() / n, n);
        long timed = cases.stream().filter(c -> c.sla() != null).count();
        figure(row, "slaKept", timed == 0 ? null : (double) cases.stream().filter(c -> "MET".equals(c.sla())).count() / timed, timed);
        figure(row, "sharePooled", share(cases, ReviewFixture.Case::pooled), n);
    }

    private static void figure(JsonNode row, String name, Double expected, long basis) {
        JsonNode f = row.path(name);
        assertThat(f.path("basis").asLong()).as("%s basis in %s", name, row).isEqualTo(basis);
        assertThat(f.path("tooFew").asBoolean()).as("%s too few", name).isEqualTo(basis < 30);
        if (expected == null) {
            assertThat(f.path("value").isNull() || f.path("value").isMissingNode()).as("%s value in %s", name, row).isTrue();
        } else {
            assertThat(f.path("value").asDouble()).as("%s value in %s", name, row).isCloseTo(expected, within(0.006));
        }
    }

    /** The continuous percentile: linear between the two nearest ranks (as percentile_cont defines it). */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        double rank = p * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo);
    }

    private static Double share(List<ReviewFixture.Case> cases, Predicate<ReviewFixture.Case> which) {
        return cases.isEmpty() ? null : (double) cases.stream().filter(which).count() / cases.size();
    }

    private static JsonNode row(List<JsonNode> rows, int version, String rule) {
        return rows.stream().filter(r -> r.path("version").asInt() == version
                        && (rule == null ? r.path("total").asBoolean() : !r.path("total").asBoolean() && r.path("ruleKey").asString().equals(rule)))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + version + "/" + rule + " in " + rows));
    }

    @Test
    void aFigureDrillsDownToTheLeadsBehindIt() {
        Data d = data();
        String manager = d.f().org.manager().token();
        int va = (int) d.a()[1];
        JsonNode won = api.as(manager).get("/api/insights/rule-effectiveness/leads?period=QUARTER&version=" + va + "&rule=a-main&figure=WON").tree();
        assertThat(ids(won)).isEqualTo(idsOf(d.shanghai(), c -> c.version() == va && c.ruleKey().equals("a-main") && c.won()));
        JsonNode kept = api.as(manager).get("/api/insights/rule-effectiveness/leads?period=QUARTER&version=" + va + "&figure=SLA_KEPT").tree();
        assertThat(ids(kept)).isEqualTo(idsOf(d.shanghai(), c -> c.version() == va && "MET".equals(c.sla())));
        JsonNode pooled = api.as(manager).get("/api/insights/rule-effectiveness/leads?period=QUARTER&version=" + d.b()[1] + "&rule=&figure=POOLED")
                .tree();
        assertThat(ids(pooled)).isEqualTo(idsOf(d.shanghai(), ReviewFixture.Case::pooled));
        // the link each row carries leads to the same list on the page
        JsonNode rows = api.as(manager).get("/api/insights/rule-effectiveness?period=QUARTER").tree().path("rows");
        String link = null;
        for (JsonNode r : rows) {
            if (!r.path("total").asBoolean() && r.path("ruleKey").asString().equals("a-main")) {
                link = r.path("link").asString();
            }
        }
        assertThat(link).isEqualTo("/insights/review/leads?period=QUARTER&version=" + va + "&rule=a-main");
        String page = api.as(manager).get(link + "&figure=WON").body();
        for (long id : idsOf(d.shanghai(), c -> c.version() == va && c.ruleKey().equals("a-main") && c.won())) {
            assertThat(page).contains("review-lead-" + id);
        }
        String review = api.as(manager).get("/insights/review?period=QUARTER").body();
        assertThat(review).contains("上海主规则", "version-chart-data", "review-v" + va + "-a-main");
    }

    @Test
    void aManagerOfAnotherRegionSeesNoneOfShanghaisFigures() {
        Data d = data();
        OrgFixtures.Org org = d.f().org;
        int va = (int) d.a()[1];
        int vb = (int) d.b()[1];
        JsonNode south = api.as(org.southManager().token()).get("/api/insights/rule-effectiveness?period=QUARTER").tree().path("rows");
        List<String> keys = new ArrayList<>();
        south.forEach(r -> {
            if (r.path("version").asInt() == va || r.path("version").asInt() == vb) {
                keys.add(r.path("version").asInt() + "/" + (r.path("total").asBoolean() ? "*" : r.path("ruleKey").asString()));
            }
        });
        assertThat(keys).containsExactly(va + "/*", va + "/a-main");
        for (JsonNode r : south) {
            if (r.path("version").asInt() == va && !r.path("total").asBoolean()) {
                check(r, d.shenzhen());
            }
        }
        JsonNode drill = api.as(org.southManager().token()).get("/api/insights/rule-effectiveness/leads?period=QUARTER&version=" + va).tree();
        assertThat(ids(drill)).isEqualTo(idsOf(d.shenzhen(), c -> true));
        assertThat(api.as(org.southManager().token()).get("/api/insights/rule-effectiveness/leads?period=QUARTER&version=" + vb).tree()
                .path("leads").size()).isZero();
        ApiResponse foreign = api.as(org.southManager().token()).get("/api/insights/rule-effectiveness?teamId=" + org.shanghai().id());
        assertThat(foreign.status()).isEqualTo(404);
        String page = api.as(org.southManager().token()).get("/insights/review?period=QUARTER").body();
        assertThat(page).contains("id=\"review-v" + va + "-a-main\"").doesNotContain("id=\"review-v" + va + "-a-vip\"", "id=\"review-v" + vb + "\"");
        // a rep counts only the leads routed to them
        JsonNode own = api.as(org.rep().token()).get("/api/insights/rule-effectiveness/leads?period=QUARTER&version=" + va).tree();
        assertThat(ids(own)).isEqualTo(idsOf(d.shanghai(), c -> c.version() == va && c.rep() != null && c.rep().id() == org.liNa().id()));
    }

    @Test
    void aBadPeriodIsRefusedInTheCallersLanguage() {
        Data d = data();
        ApiResponse week = api.as(d.f().org.manager().token()).get("/api/insights/rule-effectiveness?period=WEEK");
        assertThat(week.status()).isEqualTo(400);
        assertThat(week.body()).contains("month, a quarter or a year");
    }

    private static Set<Long> ids(JsonNode leads) {
        Set<Long> ids = new HashSet<>();
        leads.path("leads").forEach(l -> ids.add(l.path("leadId").asLong()));
        return ids;
    }

    private static Set<Long> idsOf(List<ReviewFixture.Case> cases, Predicate<ReviewFixture.Case> which) {
        Set<Long> ids = new HashSet<>();
        cases.stream().filter(which).sorted(Comparator.comparing(ReviewFixture.Case::leadId)).forEach(c -> ids.add(c.leadId()));
        return ids;
    }
}
