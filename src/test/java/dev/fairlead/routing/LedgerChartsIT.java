package dev.fairlead.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.routing.domain.Fairness;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.Api;
import dev.fairlead.support.ChartPages;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The fairness ledger page's charts are given the ledger and the reps' loads as the services report them, in scope. */
@IntegrationTest
class LedgerChartsIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired RuleSetService ruleSets;
    @Autowired RepService reps;
    @Autowired MutableClock clock;

    RuleSetView previous;

    @AfterEach
    void restore() {
        if (previous != null) {
            ruleSets.activate(RoutingFixtures.DIRECTOR, previous.id(), "restore");
        }
        clock.reset();
    }

    @Test
    void pointsPerRepTheirLorenzCurveAndEachRepsLoadAgainstHerCap() {
        DayOfWeek today = LocalDate.now(clock).getDayOfWeek();
        if (today == DayOfWeek.SATURDAY || today == DayOfWeek.SUNDAY) { // the fixture reps work Monday to Friday
            clock.advance(Duration.ofDays(today == DayOfWeek.SATURDAY ? 2 : 1));
        }
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        previous = ruleSets.active();
        RoutingFixtures.activate(ruleSets, "Ledger charts " + org.n(),
                RoutingFixtures.teamRule("上海 · 积分", org.shanghai().id(), StrategyKind.FAIRNESS_POINTS));
        List<Lead> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(leads.create(RoutingFixtures.shanghaiLead("上海图表测试 " + org.n() + "-" + i)));
        }
        Map<Long, Long> owned = created.stream().map(l -> leads.getForSystem(l.id()).ownerRepId())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));

        Api.Request manager = ChartPages.signIn(api, org.manager().username(), "zh-CN");
        var page = manager.get("/routing/ledger?period=MONTH");
        JsonNode ledger = api.as(org.manager().token()).get("/api/routing/ledger?period=MONTH").tree();

        JsonNode points = ChartPages.data(page, "ledger-chart");
        List<String> names = new ArrayList<>();
        List<Double> expectedPoints = new ArrayList<>();
        ledger.forEach(l -> {
            names.add(l.path("repName").asString());
            expectedPoints.add(l.path("points").asDouble());
        });
        assertThat(ChartPages.labels(points)).isEqualTo(names).contains("李娜", "王伟").doesNotContain("胡军");
        assertThat(ChartPages.series(points, 0)).isEqualTo(expectedPoints);
        assertThat(expectedPoints.stream().mapToDouble(Double::doubleValue).sum()).isPositive();
        assertThat(points.path("series").get(0).path("name").asString()).isEqualTo("积分");

        JsonNode lorenz = ChartPages.data(page, "ledger-lorenz");
        JsonNode curve = lorenz.path("series").get(0).path("data");
        assertThat(curve.size()).isEqualTo(names.size() + 1);
        assertThat(curve.get(0).get(0).asDouble()).isZero();
        assertThat(curve.get(curve.size() - 1).get(1).asDouble()).isEqualTo(1.0);
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).get(1).asDouble()).isGreaterThanOrEqualTo(curve.get(i - 1).get(1).asDouble())
                    .isLessThanOrEqualTo(curve.get(i).get(0).asDouble() + 1e-9); // below the diagonal
        }
        double[] amounts = expectedPoints.stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(lorenz.path("gini").asDouble()).isCloseTo(Fairness.gini(amounts), within(1e-4));

        JsonNode workload = ChartPages.data(page, "workload-chart");
        List<Rep> visible = reps.list(dev.fairlead.support.WorkLeadFixtures.managerViewer(org.manager()), RepQuery.all())
                .stream().filter(Rep::active).toList();
        assertThat(ChartPages.labels(workload)).isEqualTo(visible.stream().map(Rep::name).toList())
                .containsExactlyInAnyOrder("李娜", "王伟", "Emily Chen");
        List<Double> open = ChartPages.series(workload, 0);
        for (int i = 0; i < visible.size(); i++) {
            assertThat(open.get(i)).as(visible.get(i).name()).isEqualTo(owned.getOrDefault(visible.get(i).id(), 0L).doubleValue());
        }
        assertThat(open.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(4.0);
        assertThat(ChartPages.series(workload, 1)).isEqualTo(visible.stream().map(r -> (double) r.maxOpenLeads()).toList());
        assertThat(page.body()).contains("id=\"workload\"").contains("各销售工作量");

        JsonNode south = ChartPages.data(ChartPages.signIn(api, org.southManager().username(), "en").get("/routing/ledger"), "workload-chart");
        assertThat(ChartPages.labels(south)).containsExactlyInAnyOrder("胡军", "Grace Lin");
        assertThat(ChartPages.series(south, 0)).containsOnly(0.0);
    }
}
