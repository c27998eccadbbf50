package dev.fairlead.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Follow-ups and tasks on deals and customers, through the API, with the data scope of each role. */
@WorkflowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpsAndTasksOnDealsIT {

    @Autowired Api api;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired AuditTrail audit;
    @Autowired MutableClock clock;

    OrgFixtures.Org org;
    String rep;

    @BeforeAll
    void eastAndSouthChina() {
        org = orgs.eastAndSouthChina();
        rep = org.rep().token();
    }

    @Test
    void aFollowUpOnADealIsListedOnTheDealItsCustomerAndItsLeadAndItsNextTimeBecomesATaskLinkedToAllThree() {
        Lead lead = leads.ownedBy(org.liNa());
        JsonNode deal = convert(rep, lead);
        long dealId = deal.path("id").asLong();
        long customerId = deal.path("customerId").asLong();
        Instant next = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);

        ApiResponse logged = api.as(rep).post("/api/deals/" + dealId + "/follow-ups", Map.of("kind", "MEETING",
                "outcome", "POSITIVE", "notes", "与采购部确认了报价 quote confirmed", "nextFollowUpAt", next.toString()));

        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        JsonNode followUp = logged.tree();
        assertThat(followUp.path("dealId").asLong()).isEqualTo(dealId);
        assertThat(followUp.path("leadId").asLong()).isEqualTo(lead.id());
        assertThat(followUp.path("customerId").asLong()).isEqualTo(customerId);
        assertThat(followUp.path("dealName").asString()).isEqualTo(deal.path("name").asString());
        long id = followUp.path("id").asLong();
        assertThat(ids(api.as(rep).get("/api/deals/" + dealId + "/follow-ups"))).containsExactly(id);
        assertThat(ids(api.as(rep).get("/api/customers/" + customerId + "/follow-ups"))).containsExactly(id);
        assertThat(ids(api.as(rep).get("/api/leads/" + lead.id() + "/follow-ups"))).containsExactly(id);
        assertThat(leads.get(lead.id()).lastFollowUpAt()).isEqualTo(Instant.parse(followUp.path("occurredAt").asString()));
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("follow_up", id)).items())
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("logged on deal " + dealId));

        JsonNode task = api.as(rep).get("/api/tasks?dealId=" + dealId).tree().get(0);
        assertThat(task.path("id").asLong()).isEqualTo(followUp.path("taskId").asLong());
        assertThat(task.path("dueAt").asString()).isEqualTo(next.toString());
        assertThat(task.path("ownerRepId").asLong()).isEqualTo(org.liNa().id());
        assertThat(task.path("customerId").asLong()).isEqualTo(customerId);
        assertThat(task.path("customerName").asString()).isEqualTo(deal.path("customerName").asString());
        assertThat(ids(api.as(rep).get("/api/customers/" + customerId + "/tasks"))).containsExactly(task.path("id").asLong());
    }

    @Test
    void aRepCanNeitherSeeNorLogNorLinkTasksToAnotherTeamsDealOrCustomer() {
        JsonNode southDeal = convert(org.southManager().token(), leads.ownedBy(org.huJun()));
        long dealId = southDeal.path("id").asLong();
        long customerId = southDeal.path("customerId").asLong();
        Map<String, Object> call = Map.of("kind", "CALL", "outcome", "NEUTRAL");

        assertThat(api.as(rep).post("/api/deals/" + dealId + "/follow-ups", call).status()).isEqualTo(404);
        assertThat(api.as(rep).get("/api/deals/" + dealId + "/follow-ups").status()).isEqualTo(404);
        assertThat(api.as(rep).post("/api/customers/" + customerId + "/follow-ups", call).status()).isEqualTo(404);
        assertThat(api.as(rep).get("/api/customers/" + customerId + "/tasks").status()).isEqualTo(404);
        assertThat(api.as(rep).get("/api/tasks?dealId=" + dealId).status()).isEqualTo(404);
        assertThat(api.as(org.manager().token()).post("/api/deals/" + dealId + "/follow-ups", call).status()).isEqualTo(404);
        ApiResponse linked = api.as(rep).post("/api/tasks", Map.of("title", "偷看 peek", "dealId", dealId, "customerId", customerId));
        assertThat(linked.status()).isEqualTo(400);
        assertThat(linked.errorFields()).containsExactlyInAnyOrder("dealId", "customerId");

        assertThat(api.as(org.southManager().token()).post("/api/deals/" + dealId + "/follow-ups", call).status()).isEqualTo(201);
        assertThat(api.as(org.director().token()).get("/api/deals/" + dealId + "/follow-ups").tree().size()).isEqualTo(1);
        assertThat(api.as(org.finance().token()).post("/api/deals/" + dealId + "/follow-ups", call).status()).isEqualTo(403);
    }

    @Test
    void aFollowUpOrTaskWithProblemsIsRefusedWithEveryProblemInTheCallersLanguage() {
        JsonNode deal = convert(rep, leads.ownedBy(org.liNa()));
        long dealId = deal.path("id").asLong();

        ApiResponse followUp = api.as(rep).language("zh-CN").post("/api/deals/" + dealId + "/follow-ups",
                Map.of("nextFollowUpAt", clock.instant().minus(Duration.ofHours(2)).toString()));
        assertThat(followUp.status()).isEqualTo(400);
        assertThat(followUp.errorFields()).containsExactlyInAnyOrder("kind", "outcome", "nextFollowUpAt");
        assertThat(followUp.errorMessage("nextFollowUpAt")).isEqualTo("必须是将来的时间");

        Map<String, Object> unknown = new HashMap<>(Map.of("title", "报价 quote", "dealId", 987654321L));
        ApiResponse task = api.as(rep).language("zh-CN").post("/api/tasks", unknown);
        assertThat(task.status()).isEqualTo(400);
        assertThat(task.errorMessage("dealId")).isEqualTo("您的范围内没有商机 987654321");
        ApiResponse english = api.as(rep).post("/api/tasks", unknown);
        assertThat(english.errorMessage("dealId")).isEqualTo("no deal 987654321 in your scope");

        Lead other = leads.ownedBy(org.liNa());
        ApiResponse mismatch = api.as(rep).post("/api/tasks", Map.of("title", "报价 quote", "dealId", dealId, "leadId", other.id()));
        assertThat(mismatch.errorFields()).containsExactly("leadId");
        assertThat(api.as(rep).get("/api/deals/" + dealId + "/follow-ups").tree().size()).isZero();
    }

    @Test
    void aTaskLinkedToADealBringsItsLeadAndCustomerAndTheTaskListFiltersByEach() {
        Lead lead = leads.ownedBy(org.liNa());
        JsonNode deal = convert(rep, lead);
        long dealId = deal.path("id").asLong();
        long customerId = deal.path("customerId").asLong();

        ApiResponse created = api.as(rep).post("/api/tasks", Map.of("title", "准备合同 Prepare the contract", "typeCode", "PROPOSAL",
                "important", true, "dealId", dealId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode task = created.tree();
        assertThat(task.path("leadId").asLong()).isEqualTo(lead.id());
        assertThat(task.path("customerId").asLong()).isEqualTo(customerId);
        assertThat(task.path("dealName").asString()).isEqualTo(deal.path("name").asString());

        ApiResponse onCustomer = api.as(rep).post("/api/tasks", Map.of("title", "年度回访 Yearly visit", "customerId", customerId));
        long onCustomerId = onCustomer.tree().path("id").asLong();
        assertThat(onCustomer.tree().path("dealId").isMissingNode()).isTrue();

        assertThat(ids(api.as(rep).get("/api/tasks?dealId=" + dealId))).containsExactly(task.path("id").asLong());
        assertThat(ids(api.as(rep).get("/api/tasks?customerId=" + customerId))).containsExactlyInAnyOrder(task.path("id").asLong(), onCustomerId);
        assertThat(ids(api.as(rep).get("/api/tasks?customerId=" + customerId + "&dealId=" + dealId))).containsExactly(task.path("id").asLong());
        assertThat(ids(api.as(rep).get("/api/deals/" + dealId + "/tasks"))).containsExactly(task.path("id").asLong());
        assertThat(ids(api.as(org.manager().token()).get("/api/tasks?leadId=" + lead.id()))).contains(task.path("id").asLong());
    }

    private JsonNode convert(String token, Lead lead) {
        ApiResponse converted = api.as(token).post("/api/deals/from-lead/" + lead.id(), Map.of());
        assertThat(converted.status()).as(converted.toString()).isEqualTo(201);
        return converted.tree();
    }

    private static java.util.List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.tree().valueStream().map(n -> n.path("id").asLong()).toList();
    }
}
