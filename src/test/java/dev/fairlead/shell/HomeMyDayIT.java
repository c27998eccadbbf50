package dev.fairlead.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.pool.PoolClaims;
import dev.fairlead.support.Api;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.TaskCommand;
import dev.fairlead.work.TaskService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WorkflowIntegrationTest
class HomeMyDayIT {

    @Autowired java.time.Clock clock;

    @Autowired Api api;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;
    @Autowired TaskService tasks;
    @Autowired SlaService sla;
    @Autowired PoolClaims claims;

    @Test
    void aRepSeesWhatIsDueTheFirstContactsWaitingAndThePoolOnTheHomePage() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        Viewer liNa = WorkLeadFixtures.repViewer(org.rep(), org.liNa());
        Lead waiting = assigned(org);
        tasks.create(liNa, new TaskCommand("回电给采购总监 " + org.n(), null, null, "CALL", true, true,
                clock.instant().minus(Duration.ofHours(3)), waiting.id(), null, null));
        Lead released = assigned(org);
        claims.release(liNa, released.id(), "客户暂无预算");

        String home = api.as(org.rep().token()).get("/").body();
        assertThat(home).contains("id=\"home-tasks\"", "id=\"home-first-contacts\"", "id=\"home-pool\"")
                .doesNotContain("id=\"home-team-tasks\"");

        String due = api.as(org.rep().token()).get("/work/home/tasks").body();
        assertThat(due).contains("回电给采购总监 " + org.n());
        assertThat(number(due, "home-tasks-overdue")).isEqualTo(1);

        String firstContacts = api.as(org.rep().token()).get("/work/home/first-contacts").body();
        assertThat(number(firstContacts, "home-sla-running")).isEqualTo(1);
        assertThat(firstContacts).contains("/leads/" + waiting.id());

        String pool = api.as(org.rep().token()).language("zh-CN").get("/pool/home").body();
        assertThat(number(pool, "home-pool-waiting")).isGreaterThanOrEqualTo(1);
        assertThat(pool).contains("条线索可领取");

        String team = api.as(org.manager().token()).get("/work/home/tasks").body();
        assertThat(api.as(org.manager().token()).get("/").body()).contains("id=\"home-team-tasks\"");
        assertThat(team).contains("回电给采购总监 " + org.n()).contains(org.liNa().name());
    }

    private Lead assigned(OrgFixtures.Org org) {
        Lead lead = leads.lead();
        ownership.assign(lead.id(), org.liNa().id(), "assigned by the manager", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> !sla.forLead(Viewer.system(), lead.id()).isEmpty());
        return leads.get(lead.id());
    }

    static int number(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isNotNegative();
        String rest = html.substring(html.indexOf('>', at) + 1);
        return Integer.parseInt(rest.substring(0, rest.indexOf('<')).trim());
    }
}
