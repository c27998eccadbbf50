package dev.fairlead.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairlead.common.Viewer;
import dev.fairlead.deals.DealCommand;
import dev.fairlead.deals.DealService;
import dev.fairlead.goals.GoalCommand;
import dev.fairlead.goals.GoalMetric;
import dev.fairlead.goals.GoalService;
import dev.fairlead.leads.Lead;
import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolCommand;
import dev.fairlead.pool.PoolService;
import dev.fairlead.support.Api;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import dev.fairlead.work.FollowUpCommand;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpOutcome;
import dev.fairlead.work.FollowUpService;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.TaskCommand;
import dev.fairlead.work.TaskService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The home cards each module contributes: what they say, and that they stay inside the viewer's scope. */
@WorkflowIntegrationTest
class HomePanelsIT {

    @Autowired Clock clock;
    @Autowired Api api;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired TaskService tasks;
    @Autowired FollowUpService followUps;
    @Autowired SlaService sla;
    @Autowired GoalService goals;
    @Autowired DealService deals;
    @Autowired PoolService pools;
    @Autowired JdbcClient jdbc;

    @Test
    void aRepHomeIsHerOwnDayAndNeverAnotherRepsRecords() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        Viewer liNa = WorkLeadFixtures.repViewer(org.rep(), org.liNa());
        Viewer wangWei = WorkLeadFixtures.repViewer(org.wangWei());
        Lead mine = assigned(org.liNa().id(), leads.ownedBy(org.liNa()));
        Lead his = leads.ownedBy(org.wangWei());
        tasks.create(liNa, new TaskCommand("回电给采购总监 " + org.n(), null, null, "CALL", true, true,
                clock.instant().minus(Duration.ofHours(3)), mine.id(), null, null));
        tasks.create(wangWei, new TaskCommand("王伟的任务 " + org.n(), null, null, "CALL", true, true,
                clock.instant().minus(Duration.ofHours(3)), his.id(), null, null));
        Lead contacted = leads.ownedBy(org.liNa());
        followUps.log(liNa, contacted.id(), new FollowUpCommand(FollowUpKind.CALL, FollowUpOutcome.POSITIVE, "客户要报价", "发报价",
                null, clock.instant().plus(Duration.ofDays(2))));
        goals.create(Viewer.system(), new GoalCommand(GoalMetric.NEW_LEADS, null, org.liNa().id(), YearMonth.now(clock).toString(),
                BigDecimal.ONE, null, null, org.manager().user().id()));
        deals.create(liNa, new DealCommand("苏州工业园 CRM " + org.n(), null, null, null, new BigDecimal("260000"), null, null,
                null, null, null));
        deals.create(wangWei, new DealCommand("王伟的商机 " + org.n(), null, null, null, new BigDecimal("999"), null, null,
                null, null, null));
        Pool east = pools.create(Viewer.system(), new PoolCommand("华东公海 East pool #" + org.n(), null, 5, null, false, 7,
                List.of(org.eastChina().id()), List.of(), null));
        Lead claimable = leads.inPool(east.id());
        Api.Request rep = api.as(org.rep().token()).language("zh-CN");

        assertThat(rep.get("/").body()).contains("id=\"home-quota\"", "id=\"home-tasks\"", "id=\"home-first-contacts\"",
                        "id=\"home-new-leads\"", "id=\"home-pipeline\"", "id=\"home-pool\"", "我的今天")
                .doesNotContain("id=\"home-overview\"", "id=\"home-team-pace\"", "id=\"home-rep-load\"", "id=\"team-tree\"");

        String quota = rep.get("/goals/home/mine").body();
        assertThat(quota).contains("新线索").contains("领先进度 +").doesNotContain("id=\"home-quota-none\"");

        String due = rep.get("/work/home/tasks").body();
        assertThat(due).contains("回电给采购总监 " + org.n(), "接下来计划的跟进", "/leads/" + contacted.id())
                .doesNotContain("王伟的任务");
        assertThat(HomeMyDayIT.number(due, "home-tasks-overdue")).isEqualTo(1);

        String clocks = rep.get("/work/home/first-contacts").body();
        assertThat(clocks).contains("/leads/" + mine.id()).contains("还剩").doesNotContain("/leads/" + his.id());

        String fresh = rep.get("/leads/home/new").body();
        assertThat(fresh).contains("id=\"home-new-lead-" + mine.id() + "\"").doesNotContain(his.company());
        assertThat(HomeMyDayIT.number(fresh, "home-new-leads-count")).isEqualTo(1);
        assertThat(HomeMyDayIT.number(fresh, "home-new-leads-open")).isEqualTo(2);

        String pipeline = rep.get("/deals/home/pipeline").body();
        assertThat(HomeMyDayIT.number(pipeline, "home-pipeline-count")).isEqualTo(1);
        assertThat(pipeline).contains("260,000.00").doesNotContain("999.00");

        String pool = rep.get("/pool/home").body();
        assertThat(pool).contains("id=\"home-pool-lead-" + claimable.id() + "\"", "华东公海 East pool #" + org.n());
        Viewer huJun = WorkLeadFixtures.repViewer(org.huJun());
        assertThat(pools.list(huJun)).extracting(Pool::id).doesNotContain(east.id());

        String en = api.as(org.rep().token()).language("en").get("/goals/home/mine").body();
        assertThat(en).contains("Ahead of pace +");
    }

    @Test
    void aManagerHomeShowsTheTeamsPaceBreachesAndLoadWithinTheTeam() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        Lead late = assigned(org.liNa().id(), leads.ownedBy(org.liNa()));
        Lead south = assigned(org.huJun().id(), leads.ownedBy(org.huJun()));
        jdbc.sql("UPDATE sla_timer SET status = 'BREACHED', breached_at = :now WHERE lead_id IN (:ids)")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("ids", List.of(late.id(), south.id())).update();
        String month = YearMonth.now(clock).toString();
        goals.create(Viewer.system(), new GoalCommand(GoalMetric.NEW_LEADS, org.shanghai().id(), null, month,
                new BigDecimal("1000"), null, null, org.manager().user().id()));
        goals.create(Viewer.system(), new GoalCommand(GoalMetric.NEW_LEADS, org.shenzhen().id(), null, month,
                new BigDecimal("1000"), null, null, org.southManager().user().id()));
        Api.Request manager = api.as(org.manager().token()).language("zh-CN");

        assertThat(manager.get("/").body()).contains("id=\"home-team-pace\"", "id=\"home-team-tasks\"", "id=\"home-sla-breaches\"",
                        "id=\"home-rep-load\"", "id=\"home-unassigned\"", "团队今日")
                .doesNotContain("id=\"home-overview\"", "id=\"home-quota\"", "id=\"home-new-leads\"");
        assertThat(api.as(org.director().token()).get("/").body()).contains("id=\"home-overview\"", "id=\"team-tree\"");

        String pace = manager.get("/goals/home/team").body();
        assertThat(pace).contains(org.shanghai().name()).doesNotContain(org.shenzhen().name()).contains("落后进度 −");

        String breaches = manager.get("/work/home/sla-breaches").body();
        assertThat(HomeMyDayIT.number(breaches, "home-breaches-today")).isEqualTo(1);
        assertThat(breaches).contains("/leads/" + late.id()).doesNotContain("/leads/" + south.id());

        String load = manager.get("/leads/home/load").body();
        assertThat(load).contains("id=\"home-load-chart\"", org.liNa().name(), org.wangWei().name(), "未结线索")
                .doesNotContain(org.huJun().name());
        assertThat(api.as(org.southManager().token()).get("/leads/home/load").body()).contains(org.huJun().name())
                .doesNotContain(org.liNa().name());
    }

    private Lead assigned(long repId, Lead lead) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !sla.forLead(Viewer.system(), lead.id()).isEmpty());
        return leads.get(lead.id());
    }
}
