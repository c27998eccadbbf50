package dev.fairlead.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Viewer;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.ChartPages;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The pool page's histogram counts the pool's waiting leads by days waited, from the same rows the list shows. */
@WorkflowIntegrationTest
class PoolAgeChartIT {

    @Autowired Api api;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired PoolService pools;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void leadsAreCountedByHowLongTheyHaveWaited() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        Pool pool = pools.create(Viewer.system(), new PoolCommand("图表公海 Chart pool #" + org.n(), null, 10, 50, true, 7,
                List.of(org.eastChina().id()), List.of(), null));
        leads.inPool(pool.id());
        leads.inPool(pool.id());
        clock.advance(Duration.ofDays(40));
        leads.inPool(pool.id());
        clock.advance(Duration.ofDays(10).plusHours(1));
        leads.inPool(pool.id());
        clock.advance(Duration.ofHours(2));

        ApiResponse page = ChartPages.signIn(api, org.director().username(), "zh-CN").get("/pool/" + pool.id());
        JsonNode chart = ChartPages.data(page, "pool-age-chart");

        assertThat(ChartPages.labels(chart)).containsExactly("0 天", "1–2 天", "3–6 天", "7–13 天", "14–29 天", "30 天及以上");
        assertThat(ChartPages.series(chart, 0)).containsExactly(1.0, 0.0, 0.0, 1.0, 0.0, 2.0);
        assertThat(chart.path("series").get(0).path("name").asString()).isEqualTo("线索数");
        assertThat(page.body()).contains("id=\"pool-age-table\"");
        assertThat(pools.ageHistogram(Viewer.system(), pool.id()).stream().mapToInt(PoolService.AgeBucket::leads).sum())
                .isEqualTo(pools.leads(Viewer.system(), pool.id(), new PoolLeadQuery(null, null, null, null, null, null, null, 0, 200)).size());
    }
}
