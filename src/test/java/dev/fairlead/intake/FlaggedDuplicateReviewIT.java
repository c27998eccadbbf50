package dev.fairlead.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadMerged;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** A manager resolves a lead flagged as a possible duplicate: merge it into the lead it duplicates, or keep both. */
@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlaggedDuplicateReviewIT {

    @Autowired Api api;
    @Autowired LeadOwnership ownership;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @Autowired LeadService leads;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void theReviewPageOffersToMergeAFlaggedLeadAndTheMergeKeepsHistoryAndClosesIt() {
        long original = send(Map.of("source", "API", "company", "审核合并科技有限公司", "contactName", "审核甲", "phone", "13966660001"))
                .path("leadId").asLong();
        JsonNode flaggedResult = send(Map.of("source", "WEB_FORM", "company", "审核合并科技", "contactName", "审核甲",
                "phone", "13966660002", "email", "shenhe@merge.example.cn", "title", "采购经理",
                "behaviours", List.of(Map.of("kind", "WEBINAR", "occurredAt", "2026-01-05T02:00:00Z"))));
        assertThat(flaggedResult.path("outcome").asString()).isEqualTo("FLAGGED");
        long flagged = flaggedResult.path("leadId").asLong();
        assertThat(reviewQueue()).contains(flagged);

        String page = director().get("/leads/" + flagged).body();
        assertThat(page).contains("id=\"merge-duplicate\"").contains("/leads/" + flagged + "/merge").contains("id=\"keep-separate\"");
        assertThat(api.as(org.director().token()).language("zh-CN").get("/leads/" + flagged).body()).contains("合并到线索 #" + original);

        ApiResponse merged = director().post("/api/leads/" + flagged + "/merge", Map.of("reason", "同一联系人，换了手机"));

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.tree().path("id").asLong()).isEqualTo(original);
        assertThat(merged.tree().path("email").asString()).isEqualTo("shenhe@merge.example.cn");
        assertThat(merged.tree().path("title").asString()).isEqualTo("采购经理");
        assertThat(merged.tree().path("phone").asString()).isEqualTo("13966660001");
        assertThat(merged.tree().path("behaviours")).hasSize(1);
        JsonNode merge = director().get("/api/leads/" + original + "/merges").tree().get(0);
        assertThat(merge.path("fromLeadId").asLong()).isEqualTo(flagged);
        assertThat(merge.path("match").asString()).isEqualTo("COMPANY_CONTACT");
        assertThat(merge.path("channel").asString()).startsWith("review:");
        assertThat(merge.path("incoming").path("email").asString()).isEqualTo("shenhe@merge.example.cn");
        JsonNode closed = director().get("/api/leads/" + flagged).tree();
        assertThat(closed.path("status").asString()).isEqualTo("LOST");
        assertThat(closed.path("duplicateOf").asLong()).isEqualTo(original);
        assertThat(reviewQueue()).doesNotContain(flagged);
        assertThat(audit(original, "MERGE")).isEqualTo(1);
        assertThat(audit(flagged, "MERGED_INTO")).isEqualTo(1);
        assertThat(audit(flagged, "STATUS")).isEqualTo(1);
        assertThat(director().get("/leads/" + flagged).body()).contains("id=\"merged-into\"").doesNotContain("id=\"merge-duplicate\"");

        assertThat(director().post("/api/leads/" + flagged + "/merge", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aMergeFromTheReviewPublishesLeadMergedForTheLeadMergedInto() {
        long original = send(Map.of("source", "API", "company", "审核事件有限公司", "contactName", "审核丁", "phone", "13966660031"))
                .path("leadId").asLong();
        long flagged = send(Map.of("source", "API", "company", "审核事件", "contactName", "审核丁", "phone", "13966660032"))
                .path("leadId").asLong();
        Viewer director = new Viewer(org.director().user().id(), org.director().username(), Role.DIRECTOR, null, null);

        Lead merged = leads.mergeFlagged(director, flagged, null);

        assertThat(merged.id()).isEqualTo(original);
        assertThat(events.stream(LeadMerged.class).filter(e -> e.leadId() == original)).hasSize(1);
    }

    @Test
    void dismissingTheFlagKeepsBothLeadsAndIsAudited() {
        long original = send(Map.of("source", "API", "company", "审核保留贸易有限公司", "contactName", "审核乙", "phone", "13966660011"))
                .path("leadId").asLong();
        long flagged = send(Map.of("source", "API", "company", "审核保留贸易", "contactName", "审核乙", "phone", "13966660012"))
                .path("leadId").asLong();

        ApiResponse kept = director().post("/api/leads/" + flagged + "/keep-separate", Map.of("reason", "不同的人"));

        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.tree().path("duplicateOf").isMissingNode() || kept.tree().path("duplicateOf").isNull()).isTrue();
        assertThat(director().get("/api/leads/" + original).tree().path("status").asString()).isEqualTo("NEW");
        assertThat(reviewQueue()).doesNotContain(flagged);
        assertThat(audit(flagged, "NOT_DUPLICATE")).isEqualTo(1);
        assertThat(director().post("/api/leads/" + flagged + "/merge", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aRepCannotMergeAFlaggedLead() {
        send(Map.of("source", "API", "company", "审核权限有限公司", "contactName", "审核丙", "phone", "13966660021"));
        long flagged = send(Map.of("source", "API", "company", "审核权限", "contactName", "审核丙", "phone", "13966660022"))
                .path("leadId").asLong();
        ownership.assign(flagged, org.liNa().id(), "the rep owns the flagged lead", false);

        assertThat(api.as(org.rep().token()).post("/api/leads/" + flagged + "/merge", Map.of()).status()).isEqualTo(403);
    }

    private Api.Request director() {
        return api.as(org.director().token());
    }

    private JsonNode send(Map<String, Object> lead) {
        ApiResponse response = director().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/leads", lead);
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.tree();
    }

    private List<Long> reviewQueue() {
        return director().get("/api/leads?duplicates=true&size=500").tree().valueStream().map(l -> l.path("id").asLong()).toList();
    }

    private int audit(long leadId, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'lead' AND entity_id = :id AND action = :action")
                .param("id", String.valueOf(leadId)).param("action", action).query(Integer.class).single();
    }
}
