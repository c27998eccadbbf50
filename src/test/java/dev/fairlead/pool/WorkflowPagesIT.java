package dev.fairlead.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Viewer;
import dev.fairlead.deals.ConvertLeadCommand;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.leads.Lead;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.Html;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import dev.fairlead.work.FollowUpCommand;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpOutcome;
import dev.fairlead.work.FollowUpService;
import dev.fairlead.work.TaskCommand;
import dev.fairlead.work.TaskService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every pool, task, SLA and inbox page renders for the roles that use it, in English and Chinese, with no missing text. */
@WorkflowIntegrationTest
class WorkflowPagesIT {

    @Autowired Api api;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired PoolService pools;
    @Autowired TaskService tasks;
    @Autowired FollowUpService followUps;
    @Autowired dev.fairlead.work.SlaService sla;
    @Autowired DealService deals;

    OrgFixtures.Org org;
    Pool pool;
    Lead owned;
    Lead pooled;

    @BeforeEach
    void organisationWithLeadsInAPool() {
        org = orgs.eastAndSouthChina();
        pool = pools.create(Viewer.system(), new PoolCommand("华东公海 East pool #" + org.n(), null, 10, 50, true, 7,
                List.of(org.eastChina().id()), List.of(new RecoveryRule("A", 3, null, 1), new RecoveryRule(null, 14, 30, 3)), null));
        owned = leads.ownedBy(org.liNa());
        pooled = leads.inPool(pool.id());
        Viewer liNa = WorkLeadFixtures.repViewer(org.rep(), org.liNa());
        followUps.log(liNa, owned.id(), new FollowUpCommand(FollowUpKind.MEETING, FollowUpOutcome.NEUTRAL, "需求访谈", "demo", null, null));
        var parent = tasks.create(liNa, new TaskCommand("演示 Demo", null, null, "MEETING", true, false, null, owned.id(), null, null));
        tasks.create(liNa, new TaskCommand("准备演示环境", null, null, null, false, false, null, null, parent.id(), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void aRepsPagesRender(String language) {
        Api.Request rep = signIn(org.rep().username(), language);
        for (String path : List.of("/tasks", "/tasks?view=list", "/pool", "/pool/" + pool.id(), "/pool/" + pool.id() + "?grade=A&minDays=1",
                "/pool/leads/" + pooled.id(), "/pool/recovery", "/inbox", "/work/leads/" + owned.id(),
                "/work/leads/" + owned.id() + "/follow-ups", "/work/leads/" + owned.id() + "/tasks", "/work/leads/" + owned.id() + "/sla",
                "/work/leads/" + owned.id() + "/timeline", "/pool/lead-panel/" + owned.id(), "/pool/lead-panel/" + pooled.id())) {
            assertRenders(rep.get(path), path);
        }
        if (language.equals("zh-CN")) {
            assertThat(rep.get("/pool").body()).contains("公海池");
            assertThat(rep.get("/tasks").body()).contains("重要且紧急");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void aDealPageAndItsCustomersPageShowTheirFollowUpsAndTasksOnlyToThoseWhoSeeThem(String language) {
        Viewer liNa = WorkLeadFixtures.repViewer(org.rep(), org.liNa());
        Deal deal = deals.convertLead(liNa, leads.ownedBy(org.liNa()).id(), new ConvertLeadCommand(null, null, null, null, null));
        followUps.logOnDeal(liNa, deal.id(), new FollowUpCommand(FollowUpKind.CALL, FollowUpOutcome.POSITIVE, "确认了交付时间", null, null, null));
        tasks.create(liNa, new TaskCommand("寄样品 Send samples", null, null, "ADMIN", false, true, null, null, null, null, deal.id(), null));
        Api.Request rep = signIn(org.rep().username(), language);
        List<String> paths = List.of("/deals/" + deal.id(), "/customers/" + deal.customerId(), "/work/deals/" + deal.id() + "/follow-ups",
                "/work/deals/" + deal.id() + "/tasks", "/work/customers/" + deal.customerId() + "/follow-ups",
                "/work/customers/" + deal.customerId() + "/tasks", "/tasks?view=list");
        for (String path : paths) {
            assertRenders(rep.get(path), path);
        }
        assertThat(rep.get("/work/deals/" + deal.id() + "/follow-ups").body()).contains("确认了交付时间");
        assertThat(rep.get("/work/customers/" + deal.customerId() + "/tasks").body()).contains("寄样品 Send samples");
        assertThat(rep.get("/customers/" + deal.customerId()).body()).contains(deal.name());
        assertThat(rep.get("/tasks?view=list").body()).contains("/deals/" + deal.id()).contains("/customers/" + deal.customerId());

        Api.Request southManager = signIn(org.southManager().username(), language);
        for (String path : paths.subList(0, 6)) {
            assertThat(southManager.get(path).status()).as(path).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void aManagersAndADirectorsPagesRender(String language) {
        Api.Request manager = signIn(org.manager().username(), language);
        for (String path : List.of("/tasks", "/tasks/team", "/sla", "/sla?status=RUNNING", "/pool", "/pool/" + pool.id(),
                "/pool/leads/" + pooled.id(), "/pool/recovery?days=30", "/work/leads/" + owned.id())) {
            assertRenders(manager.get(path), path);
        }
        Api.Request director = signIn(org.director().username(), language);
        for (String path : List.of("/pool/new", "/pool/" + pool.id() + "/edit", "/sla", "/tasks/team", "/work/settings")) {
            assertRenders(director.get(path), path);
        }
    }

    @Test
    void aPoolFormWithAWarningAfterRecoveryIsShownAgainWithTheProblem() {
        Api.Request director = signIn(org.director().username(), "en");
        String form = director.get("/pool/" + pool.id() + "/edit").body();
        Map<String, String> fields = new HashMap<>(Map.of("_csrf", Html.csrfInput(form), "id", String.valueOf(pool.id()),
                "name", pool.name(), "claimsPerDay", "10", "coolDownDays", "7", "teamIds", String.valueOf(org.eastChina().id())));
        fields.put("noFollowUpDays[1]", "3");
        fields.put("warnDays[1]", "5");

        ApiResponse response = director.postForm("/pool/save", fields);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("must be less than 3 days");
    }

    @Test
    void aDirectorSetsTheSlaPerGradeAndTaskPointsOnTheSettingsPage() {
        List<dev.fairlead.work.SlaPolicy> original = sla.policies();
        Api.Request director = signIn(org.director().username(), "en");
        String page = director.get("/work/settings").body();
        try {
            ApiResponse saved = director.postForm("/work/settings/sla", List.of(Map.entry("_csrf", Html.csrfInput(page)),
                    Map.entry("grade", ""), Map.entry("hours", "24"), Map.entry("remindMinutes", "120"),
                    Map.entry("grade", "A"), Map.entry("hours", "2"), Map.entry("remindMinutes", "30"),
                    Map.entry("workingHours", "A"), Map.entry("autoReassign", "A")));
            assertThat(saved.status()).as(saved.body()).isEqualTo(302);
            assertThat(sla.policies()).contains(new dev.fairlead.work.SlaPolicy("A", 120, 30, true, true),
                    new dev.fairlead.work.SlaPolicy(null, 1440, 120, false, false));
        } finally {
            sla.savePolicies(Viewer.system(), original);
        }
    }

    private void assertRenders(ApiResponse page, String path) {
        assertThat(page.status()).as(path + " " + page.body()).isEqualTo(200);
        assertThat(page.body()).as(path).doesNotContain("??");
    }

    private Api.Request signIn(String username, String language) {
        Api.Request browser = api.browser().language(language);
        ApiResponse login = browser.get("/login");
        ApiResponse done = browser.postForm("/login", Map.of("username", username, "password", OrgFixtures.PASSWORD,
                "_csrf", Html.csrfInput(login.body())));
        assertThat(done.location()).doesNotContain("/login");
        assertThat(browser.get("/?lang=" + language).status()).isEqualTo(200);
        return browser;
    }
}
