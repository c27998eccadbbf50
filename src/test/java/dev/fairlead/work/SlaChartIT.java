package dev.fairlead.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.support.Api;
import dev.fairlead.support.ChartPages;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The SLA page's chart counts the breaches of the viewer's scope per day, for the last 30 days. */
@WorkflowIntegrationTest
class SlaChartIT {

    @Autowired Api api;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;
    @Autowired SlaService sla;
    @Autowired MutableClock clock;

    OrgFixtures.Org org;
    List<SlaPolicy> original;

    @BeforeEach
    void twoHourPolicyForGradeD() {
        org = orgs.eastAndSouthChina();
        original = sla.policies();
        List<SlaPolicy> policies = new ArrayList<>(original.stream().filter(p -> p.grade() == null).toList());
        policies.add(new SlaPolicy("D", 120, 30, false, false));
        sla.savePolicies(Viewer.system(), policies);
    }

    @AfterEach
    void restore() {
        clock.reset();
        sla.savePolicies(Viewer.system(), original);
    }

    @Test
    void breachesPerDayInScopeOverThirtyDays() {
        Lead early = assigned(org.liNa());
        clock.advance(Duration.ofMinutes(125));
        sla.check();
        LocalDate firstDay = breachDay(early);
        clock.advance(Duration.ofDays(3));
        assigned(org.wangWei());
        Lead late = assigned(org.liNa());
        clock.advance(Duration.ofMinutes(125));
        sla.check();
        LocalDate secondDay = breachDay(late);
        assigned(org.huJun()); // breached too, but outside the Shanghai manager's scope
        clock.advance(Duration.ofMinutes(125));
        sla.check();

        JsonNode chart = ChartPages.data(ChartPages.signIn(api, org.manager().username(), "zh-CN").get("/sla"), "sla-breach-chart");

        LocalDate today = LocalDate.now(clock);
        List<String> labels = ChartPages.labels(chart);
        assertThat(labels).hasSize(30);
        assertThat(labels.get(29)).isEqualTo(String.format("%02d-%02d", today.getMonthValue(), today.getDayOfMonth()));
        List<Double> breaches = ChartPages.series(chart, 0);
        assertThat(breaches.get(29 - (int) ChronoUnit.DAYS.between(firstDay, today))).isEqualTo(1.0);
        assertThat(breaches.get(29 - (int) ChronoUnit.DAYS.between(secondDay, today))).isEqualTo(firstDay.equals(secondDay) ? 3.0 : 2.0);
        assertThat(breaches.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(3.0);
        assertThat(chart.path("series").get(0).path("name").asString()).isEqualTo("超时数");

        JsonNode south = ChartPages.data(ChartPages.signIn(api, org.southManager().username(), "en").get("/sla"), "sla-breach-chart");
        assertThat(ChartPages.series(south, 0).stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(1.0);
    }

    private LocalDate breachDay(Lead lead) {
        SlaTimer timer = sla.forLead(Viewer.system(), lead.id()).stream().filter(t -> t.breachedAt() != null).findFirst().orElseThrow();
        return timer.breachedAt().atZone(clock.getZone()).toLocalDate();
    }

    private Lead assigned(dev.fairlead.org.Rep rep) {
        Lead lead = leads.lead();
        leads.grade(lead.id(), "D");
        ownership.assign(lead.id(), rep.id(), "assigned by the manager", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> sla.forLead(Viewer.system(), lead.id()).stream().anyMatch(t -> t.repId() == rep.id()));
        return leads.get(lead.id());
    }
}
