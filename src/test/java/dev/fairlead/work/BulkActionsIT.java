package dev.fairlead.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.audit.AuditEntry;
import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.org.Rep;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Bulk actions go record by record through the single-record services: partial results, per-record checks, audit rows. */
@IntegrationTest
class BulkActionsIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(7_000);

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;
    @Autowired TaskService tasks;
    @Autowired AuditTrail audit;

    OrgFixtures.Org org;

    @BeforeEach
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    private long ownedBy(Rep rep) {
        int n = SEQUENCE.incrementAndGet();
        long id = leads.create(new LeadCommand(LeadSource.WEB_FORM, "苏州云帆电子 Bulk #" + n, "钱程", "采购经理",
                String.format("137%08d", n), "bulk." + n + "@example.cn", "manufacturing", CompanySize.MEDIUM, "310000", "310100",
                null, "crm", new BigDecimal("250000"), List.of())).id();
        ownership.assign(id, rep.id(), "test", false);
        return id;
    }

    private ApiResponse bulk(OrgFixtures.Login who, Map<String, Object> body) {
        return api.as(who.token()).post("/api/leads/bulk", body);
    }

    private static List<Long> ids(JsonNode outcome, String field) {
        return outcome.path(field).valueStream().map(n -> n.isNumber() ? n.asLong() : n.path("id").asLong()).toList();
    }

    private List<String> actions(long leadId) {
        return audit.search(Viewer.system(), AuditFilter.forEntity("lead", leadId)).items().stream().map(AuditEntry::action).toList();
    }

    @Test
    void aRepClosesHerOwnLeadsAndIsToldWhichOthersWereSkippedAndWhy() {
        long mine1 = ownedBy(org.liNa());
        long mine2 = ownedBy(org.liNa());
        long colleagues = ownedBy(org.wangWei());
        long otherTeams = ownedBy(org.huJun());

        ApiResponse response = bulk(org.rep(), Map.of("action", "CLOSE", "reason", "预算取消 budget cancelled",
                "ids", List.of(mine1, colleagues, mine2, otherTeams)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response.tree(), "done")).containsExactly(mine1, mine2);
        assertThat(ids(response.tree(), "skipped")).containsExactly(colleagues, otherTeams);
        assertThat(response.tree().path("skipped").get(0).path("reason").asString()).isEqualTo("not found or outside what you can see");
        assertThat(leads.getForSystem(mine1).status()).isEqualTo(LeadStatus.LOST);
        assertThat(leads.getForSystem(colleagues).status()).isNotEqualTo(LeadStatus.LOST);
        assertThat(leads.getForSystem(otherTeams).status()).isNotEqualTo(LeadStatus.LOST);
        assertThat(actions(mine1)).contains("STATUS");
        assertThat(actions(mine2)).contains("STATUS");
        assertThat(actions(colleagues)).doesNotContain("STATUS");

        ApiResponse again = bulk(org.rep(), Map.of("action", "CLOSE", "reason", "again", "ids", List.of(mine1)));
        assertThat(again.tree().path("skipped").get(0).path("code").asString()).isEqualTo("bulk.skipped.closed");
    }

    @Test
    void aManagerAssignsWithinHerTeamOnlyAndEveryAssignmentIsAudited() {
        long colleagues = ownedBy(org.wangWei());
        long otherTeams = ownedBy(org.huJun());
        long alreadyLiNas = ownedBy(org.liNa());

        ApiResponse response = bulk(org.manager(), Map.of("action", "ASSIGN", "repId", org.liNa().id(), "reason", "rebalancing",
                "ids", List.of(colleagues, otherTeams, alreadyLiNas)));

        assertThat(ids(response.tree(), "done")).containsExactly(colleagues);
        assertThat(response.tree().path("skipped").valueStream().map(s -> s.path("code").asString()))
                .containsExactly("bulk.skipped.notFound", "bulk.skipped.alreadyOwner");
        assertThat(leads.getForSystem(colleagues).ownerRepId()).isEqualTo(org.liNa().id());
        assertThat(leads.getForSystem(otherTeams).ownerRepId()).isEqualTo(org.huJun().id());
        assertThat(actions(colleagues)).contains("REASSIGN");
    }

    @Test
    void releasingAndAddingTasksGoThroughThePoolAndTaskServices() {
        long first = ownedBy(org.wangWei());
        long second = ownedBy(org.wangWei());

        ApiResponse tasksAdded = bulk(org.manager(), Map.of("action", "ADD_TASK", "title", "回访 Call back", "ids", List.of(first, second)));
        assertThat(ids(tasksAdded.tree(), "done")).containsExactly(first, second);
        assertThat(tasks.forLead(Viewer.system(), first)).extracting(Task::title).contains("回访 Call back");

        ApiResponse released = bulk(org.manager(), Map.of("action", "RELEASE", "reason", "no answer in two weeks", "ids", List.of(first)));
        assertThat(ids(released.tree(), "done")).containsExactly(first);
        assertThat(leads.getForSystem(first).ownerRepId()).isNull();
        assertThat(actions(first)).contains("POOL");
    }

    @Test
    void inputIsCheckedBeforeAnythingChanges() {
        long mine = ownedBy(org.liNa());
        Map<String, Object> tooMany = new HashMap<>(Map.of("action", "CLOSE", "reason", "x"));
        tooMany.put("ids", LongStream.rangeClosed(1, 501).boxed().toList());

        ApiResponse response = bulk(org.manager(), tooMany);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage("ids")).contains("at most 500");
        assertThat(bulk(org.manager(), Map.of("action", "CLOSE", "ids", List.of(mine))).errorFields()).containsExactly("reason");
        assertThat(bulk(org.manager(), Map.of("action", "CLOSE", "reason", "x", "ids", List.of())).errorFields()).containsExactly("ids");
        assertThat(bulk(org.rep(), Map.of("action", "ASSIGN", "repId", org.liNa().id(), "reason", "x", "ids", List.of(mine))).status())
                .isEqualTo(403);
        assertThat(leads.getForSystem(mine).status()).isNotEqualTo(LeadStatus.LOST);
    }

    @Test
    void tasksAreMarkedDoneOnlyForTheirOwner() {
        Viewer liNa = new Viewer(org.rep().user().id(), org.rep().username(), Role.REP, org.liNa().teamId(), org.liNa().id());
        Task mine = tasks.create(liNa, new TaskCommand("整理报价 Tidy the quote", null, null, null, false, false, null, null, null, null));
        Task wangWeis = tasks.create(Viewer.system(), new TaskCommand("王伟的任务", null, org.wangWei().id(), null, false, false, null,
                null, null, null));

        ApiResponse response = api.as(org.rep().token()).post("/api/tasks/bulk-status", Map.of("action", "DONE", "ids", List.of(mine.id(), wangWeis.id())));

        assertThat(ids(response.tree(), "done")).containsExactly(mine.id());
        assertThat(ids(response.tree(), "skipped")).containsExactly(wangWeis.id());
        assertThat(tasks.get(Viewer.system(), mine.id()).status()).isEqualTo(TaskStatus.DONE);
        assertThat(tasks.get(Viewer.system(), wangWeis.id()).status()).isEqualTo(TaskStatus.OPEN);
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("task", mine.id())).items()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theLeadListFormRedirectsBackWithASummary() {
        long mine = ownedBy(org.liNa());
        long notMine = ownedBy(org.huJun());
        ApiResponse response = api.as(org.rep().token()).postForm("/leads/bulk", List.of(Map.entry("action", "CLOSE"),
                Map.entry("reason", "不需要了"), Map.entry("ids", String.valueOf(mine)), Map.entry("ids", String.valueOf(notMine)),
                Map.entry("returnTo", "status=NEW")));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/leads?status=NEW");
        assertThat(leads.getForSystem(mine).status()).isEqualTo(LeadStatus.LOST);
    }
}
