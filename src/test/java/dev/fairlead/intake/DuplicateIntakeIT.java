package dev.fairlead.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.IntakeOutcome;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadCreated;
import dev.fairlead.leads.LeadMerged;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.LeadFixtures;
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

@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateIntakeIT {

    @Autowired
    Api api;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadService leads;

    @Autowired
    ApplicationEvents events;

    @Autowired
    dev.fairlead.leads.LeadOwnership ownership;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    private ApiResponse send(Map<String, Object> lead, String query) {
        return api.as(org.director().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/leads" + query, lead);
    }

    @Test
    void mergesTheSamePhoneWrittenDifferentlyIntoTheOpenLeadKeepingHistory() {
        Map<String, Object> first = LeadFixtures.lead("刘洋");
        first.remove("budget");
        first.remove("title");
        long id = send(first, "").tree().path("leadId").asLong();
        String phone = (String) first.get("phone");

        Map<String, Object> again = LeadFixtures.lead("刘洋");
        again.put("phone", "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7));
        again.put("title", "总经理");
        again.put("budget", 800000);
        again.put("behaviours", List.of(Map.of("kind", "DEMO_REQUEST", "occurredAt", "2026-01-05T02:00:00Z")));
        ApiResponse merged = send(again, "");

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode result = merged.tree();
        assertThat(result.path("outcome").asString()).isEqualTo("MERGED");
        assertThat(result.path("leadId").asLong()).isEqualTo(id);
        assertThat(result.path("match").asString()).isEqualTo("PHONE");
        JsonNode lead = api.as(org.director().token()).get("/api/leads/" + id).tree();
        assertThat(lead.path("title").asString()).isEqualTo("总经理");
        assertThat(lead.path("budget").asInt()).isEqualTo(800000);
        assertThat(lead.path("behaviours")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE phone_key = :k").param("k", phone).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT filled_fields FROM lead_merge WHERE lead_id = :id").param("id", id)
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single()).containsExactly("title", "budget");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'lead' AND entity_id = :id AND action = 'MERGE'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void flagsTheSameCompanyAndContactWithOtherContactDetailsForReview() {
        Map<String, Object> first = LeadFixtures.lead("黄磊");
        first.put("company", "苏州恒瑞精密机械有限公司");
        long original = send(first, "").tree().path("leadId").asLong();

        Map<String, Object> second = LeadFixtures.lead("黄磊");
        second.put("company", "  苏州 恒瑞精密机械 Co., Ltd. ");
        ApiResponse flagged = send(second, "");

        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(201);
        JsonNode result = flagged.tree();
        assertThat(result.path("outcome").asString()).isEqualTo("FLAGGED");
        assertThat(result.path("duplicateOf").asLong()).isEqualTo(original);
        assertThat(result.path("leadId").asLong()).isNotEqualTo(original);
        JsonNode list = api.as(org.director().token()).get("/api/leads?duplicates=true&size=500").tree();
        assertThat(list.valueStream().map(l -> l.path("id").asLong())).contains(result.path("leadId").asLong());
    }

    @Test
    void aRepPostingAnotherTeamsPhoneLearnsOnlyThatTeamsNameAndWritesNothingIntoTheirLead() {
        Map<String, Object> theirs = LeadFixtures.lead("郑爽");
        theirs.remove("title");
        long existing = send(theirs, "").tree().path("leadId").asLong();
        ownership.assign(existing, org.huJun().id(), "test", false);
        String before = api.as(org.director().token()).get("/api/leads/" + existing).body();
        long merges = jdbc.sql("SELECT count(*) FROM lead_merge").query(Long.class).single();

        Map<String, Object> probe = LeadFixtures.lead("郑爽");
        probe.put("phone", theirs.get("phone"));
        probe.put("title", "采购总监");
        probe.put("behaviours", List.of(Map.of("kind", "DEMO_REQUEST", "occurredAt", "2026-01-05T02:00:00Z")));
        ApiResponse one = api.as(org.rep().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/leads?duplicates=MERGE", probe);
        ApiResponse batch = api.as(org.rep().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/leads/batch?duplicates=MERGE", Map.of("leads", List.of(probe)));

        for (JsonNode result : List.of(one.tree(), batch.tree().path("items").get(0))) {
            assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("FLAGGED");
            assertThat(result.has("duplicateOf") && !result.path("duplicateOf").isNull()).as("no id of a lead she may not see").isFalse();
            assertThat(result.path("existingOwnerTeam").asString()).isEqualTo(org.shenzhen().name());
            assertThat(result.path("leadId").asLong()).isNotEqualTo(existing);
        }
        assertThat(api.as(org.director().token()).get("/api/leads/" + existing).body()).as("their lead untouched").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM lead_merge").query(Long.class).single()).isEqualTo(merges);
        long flagged = one.tree().path("leadId").asLong();
        assertThat(jdbc.sql("SELECT duplicate_of FROM lead WHERE id = :id").param("id", flagged).query(Long.class).single())
                .as("kept for review by someone who sees both").isEqualTo(existing);
        assertThat(api.as(org.director().token()).get("/api/leads?duplicates=true&size=500").tree().valueStream()
                .filter(l -> l.path("id").asLong() == flagged).findFirst().orElseThrow().path("duplicateOf").asLong()).isEqualTo(existing);
        ownership.assign(flagged, org.liNa().id(), "test", false);
        JsonNode hers = api.as(org.rep().token()).get("/api/leads/" + flagged).tree();
        assertThat(hers.path("id").asLong()).isEqualTo(flagged);
        assertThat(hers.has("duplicateOf") && !hers.path("duplicateOf").isNull()).as("her own lead does not name theirs either").isFalse();
    }

    @Test
    void callerCanAskToFlagInsteadOfMerge() {
        Map<String, Object> first = LeadFixtures.lead("吴静");
        long original = send(first, "").tree().path("leadId").asLong();

        ApiResponse flagged = send(first, "?duplicates=FLAG");

        assertThat(flagged.tree().path("outcome").asString()).isEqualTo("FLAGGED");
        assertThat(flagged.tree().path("duplicateOf").asLong()).isEqualTo(original);
    }

    @Test
    void aMergedDuplicatePublishesNoLeadCreated() {
        var first = leads.intake(dev.fairlead.common.Viewer.system(), command("冯涛", "13500001111"), null, "test");
        events.clear();

        var again = leads.intake(dev.fairlead.common.Viewer.system(), command("冯涛", "135 0000 1111"), null, "test");

        assertThat(first).isInstanceOf(IntakeOutcome.Created.class);
        assertThat(again).isInstanceOf(IntakeOutcome.Merged.class);
        assertThat(events.stream(LeadCreated.class)).isEmpty();
        assertThat(events.stream(LeadMerged.class).map(LeadMerged::leadId)).containsExactly(first.lead().id());
    }

    private static LeadCommand command(String contact, String phone) {
        return new LeadCommand(LeadSource.EVENT, "深圳前海星辰贸易有限公司", contact, null, phone, null, "零售", null, "44", "4403",
                null, null, null, List.of());
    }

    @Test
    void aClosedLeadIsNotMergedInto() {
        Map<String, Object> first = LeadFixtures.lead("郑凯");
        long original = send(first, "").tree().path("leadId").asLong();
        jdbc.sql("UPDATE lead SET status = 'LOST' WHERE id = :id").param("id", original).update();

        ApiResponse again = send(first, "");

        assertThat(again.tree().path("outcome").asString()).isEqualTo("CREATED");
    }
}
