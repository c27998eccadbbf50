package dev.fairlead.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.LeadFixtures;
import dev.fairlead.support.OrgFixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A real prospect is never lost for a bad optional field: intake stores the lead without it, says so
 * in the answer, and keeps the value on the data-quality review list, where a manager corrects or
 * dismisses it. A lead with nothing left to reach the person by is still refused whole.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualityIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void aLeadWithAMalformedPhoneButAValidEmailIsStoredWithoutThePhoneAndTheAnswerSaysSoInTheCallersLanguage() {
        Map<String, Object> lead = LeadFixtures.lead("丁一");
        lead.put("phone", "138-bad");
        ApiResponse response = send(lead, "zh-CN");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode result = response.tree();
        assertThat(result.path("outcome").asString()).isEqualTo("CREATED");
        JsonNode aside = result.path("setAside");
        assertThat(aside).hasSize(1);
        assertThat(aside.get(0).path("field").asString()).isEqualTo("phone");
        assertThat(aside.get(0).path("value").asString()).isEqualTo("138-bad");
        assertThat(aside.get(0).path("message").asString()).contains("手机");
        long id = result.path("leadId").asLong();

        JsonNode stored = director().get("/api/leads/" + id).tree();
        assertThat(stored.path("phone").isNull() || stored.path("phone").isMissingNode()).isTrue();
        assertThat(stored.path("email").asString()).isEqualTo(lead.get("email"));
        assertThat(stored.path("company").asString()).isEqualTo(lead.get("company"));

        List<JsonNode> items = director().language("en").get("/api/leads/" + id + "/set-aside").tree().valueStream().toList();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.path("reason").asString()).contains("is not a valid phone number");
            assertThat(item.path("channel").asString()).isEqualTo("api");
        });
        assertThat(audit(id, "SET_ASIDE")).isEqualTo(1);
    }

    @Test
    void aLeadWithNothingValidLeftToReachThePersonByIsRefusedWholeAndNothingIsStored() {
        Map<String, Object> lead = LeadFixtures.lead("丁二");
        lead.put("phone", "12345");
        lead.remove("email");
        ApiResponse response = send(lead, "en");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("phone");
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE company = :c").param("c", lead.get("company"))
                .query(Long.class).single()).isZero();

        Map<String, Object> nameless = LeadFixtures.lead(" ");
        nameless.put("postalCode", "abc");
        ApiResponse refused = send(nameless, "en");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("contactName", "postalCode");
    }

    @Test
    void badOptionalFieldsAreSetAsideTogetherAndAProvinceThatIsNotKnownIsDerivedFromTheCity() {
        Map<String, Object> lead = LeadFixtures.lead("丁三");
        lead.put("provinceCode", "99");
        lead.put("cityCode", "4403");
        lead.put("postalCode", "51800");
        lead.put("email", "not-an-email");
        JsonNode result = send(lead, "en").tree();

        assertThat(result.path("setAside").valueStream().map(a -> a.path("field").asString()))
                .containsExactlyInAnyOrder("email", "postalCode", "provinceCode");
        JsonNode stored = director().get("/api/leads/" + result.path("leadId").asLong()).tree();
        assertThat(stored.path("provinceCode").asString()).isEqualTo("440000");
        assertThat(stored.path("cityCode").asString()).isEqualTo("440300");
        assertThat(stored.path("phone").asString()).isEqualTo(lead.get("phone"));
    }

    @Test
    void aBehaviourAFewMinutesAheadOfOurClockIsTakenAndOneFarAheadIsSetAside() {
        Map<String, Object> lead = LeadFixtures.lead("丁四");
        lead.put("behaviours", List.of(
                Map.of("kind", "WEBINAR", "occurredAt", clock.instant().plus(Duration.ofMinutes(8)).toString()),
                Map.of("kind", "PRICING_VISIT", "occurredAt", clock.instant().plus(Duration.ofHours(3)).toString())));
        JsonNode result = send(lead, "en").tree();

        assertThat(result.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(result.path("setAside").valueStream().map(a -> a.path("field").asString())).containsExactly("behaviours[1]");
        assertThat(result.path("setAside").get(0).path("message").asString()).contains("future");
        JsonNode stored = director().get("/api/leads/" + result.path("leadId").asLong()).tree();
        assertThat(stored.path("behaviours").valueStream().map(b -> b.path("kind").asString())).containsExactly("WEBINAR");
    }

    @Test
    void aManagerCorrectsAValueThroughTheSameChecksOrDismissesItAndTheReviewListEmpties() {
        Map<String, Object> lead = LeadFixtures.lead("丁五");
        String phone = (String) lead.put("phone", "1390000");
        lead.put("industry", "x".repeat(80));
        JsonNode result = send(lead, "en").tree();
        long id = result.path("leadId").asLong();
        List<JsonNode> items = director().get("/api/leads/" + id + "/set-aside").tree().valueStream().toList();
        long phoneItem = itemFor(items, "phone");
        long industryItem = itemFor(items, "industry");
        assertThat(reviewIds()).contains(phoneItem, industryItem);

        ApiResponse bad = director().language("zh-CN").post("/api/leads/data-quality/" + phoneItem, Map.of("action", "CORRECT", "value", "139"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("value");
        assertThat(bad.errorMessage("value")).contains("电话");
        assertThat(director().post("/api/leads/data-quality/" + phoneItem, Map.of("action", "CORRECT")).errorFields()).containsExactly("value");
        assertThat(director().post("/api/leads/data-quality/" + phoneItem, Map.of("action", "FIX")).status()).isEqualTo(400);
        assertThat(api.as(org.finance().token()).post("/api/leads/data-quality/" + phoneItem, Map.of("action", "DISMISS")).status())
                .isEqualTo(403);

        ApiResponse corrected = director().post("/api/leads/data-quality/" + phoneItem,
                Map.of("action", "CORRECT", "value", phone, "reason", "called the customer"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.tree().path("resolution").asString()).isEqualTo("CORRECTED");
        assertThat(director().get("/api/leads/" + id).tree().path("phone").asString()).isEqualTo(phone);
        assertThat(director().post("/api/leads/data-quality/" + phoneItem, Map.of("action", "DISMISS")).status()).isEqualTo(409);

        assertThat(director().post("/api/leads/data-quality/" + industryItem, Map.of("action", "DISMISS")).tree().path("resolution")
                .asString()).isEqualTo("DISMISSED");
        JsonNode industry = director().get("/api/leads/" + id).tree().path("industry");
        assertThat(industry.isNull() || industry.isMissingNode()).isTrue();
        assertThat(reviewIds()).doesNotContain(phoneItem, industryItem);
        assertThat(audit(id, "SET_ASIDE_CORRECT")).isEqualTo(1);
        assertThat(audit(id, "SET_ASIDE_DISMISS")).isEqualTo(1);
        assertThat(director().post("/api/leads/data-quality/999999999", Map.of("action", "DISMISS")).status()).isEqualTo(404);
    }

    @Test
    void aCorrectedBudgetScoresTheLeadAgain() {
        Map<String, Object> lead = LeadFixtures.lead("丁九");
        lead.put("budget", -600000);
        JsonNode result = send(lead, "en").tree();
        long id = result.path("leadId").asLong();
        int before = director().get("/api/leads/" + id).tree().path("score").asInt();
        long item = itemFor(director().get("/api/leads/" + id + "/set-aside").tree().valueStream().toList(), "budget");

        assertThat(director().post("/api/leads/data-quality/" + item, Map.of("action", "CORRECT", "value", "600000")).status())
                .isEqualTo(200);
        JsonNode after = director().get("/api/leads/" + id).tree();
        assertThat(after.path("budget").decimalValue()).isEqualByComparingTo("600000");
        assertThat(after.path("score").asInt()).isGreaterThan(before);
    }

    @Test
    void theReviewListKeepsToTheViewersLeadScope() {
        Map<String, Object> lead = LeadFixtures.lead("丁六");
        lead.put("postalCode", "1");
        long id = send(lead, "en").tree().path("leadId").asLong();
        long item = itemFor(director().get("/api/leads/" + id + "/set-aside").tree().valueStream().toList(), "postalCode");

        for (String token : List.of(org.manager().token(), org.southManager().token(), org.rep().token())) {
            boolean seesLead = api.as(token).get("/api/leads/" + id).status() == 200;
            List<Long> review = api.as(token).get("/api/leads/data-quality?size=200").tree().path("items").valueStream()
                    .map(i -> i.path("id").asLong()).toList();
            assertThat(review.contains(item)).as("review list matches lead scope").isEqualTo(seesLead);
            assertThat(api.as(token).get("/api/leads/" + id + "/set-aside").status()).isEqualTo(seesLead ? 200 : 404);
            if (!seesLead) {
                assertThat(api.as(token).post("/api/leads/data-quality/" + item, Map.of("action", "DISMISS")).status()).isEqualTo(404);
            }
        }
    }

    @Test
    void aBatchCountsItsItemsWithFieldsSetAsideAndThePagesShowThemInBothLanguages() {
        Map<String, Object> clean = LeadFixtures.lead("丁七");
        Map<String, Object> dirty = LeadFixtures.lead("丁八");
        dirty.put("email", "dirty@");
        ApiResponse batch = director().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/leads/batch", Map.of("leads", List.of(clean, dirty)));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.tree().path("setAside").asInt()).isEqualTo(1);
        assertThat(batch.tree().path("items").get(1).path("setAside").get(0).path("field").asString()).isEqualTo("email");
        long id = batch.tree().path("items").get(1).path("leadId").asLong();

        String en = director().language("en").get("/leads/data-quality").body();
        assertThat(en).contains("Data quality review").contains("dirty@").contains("id=\"data-quality-items\"");
        String zh = director().language("zh-CN").get("/leads/data-quality").body();
        assertThat(zh).contains("数据质量复核").contains("dirty@").contains("不是有效的");
        assertThat(director().language("zh-CN").get("/leads/" + id).body()).contains("id=\"lead-set-aside\"").contains("录入时暂存的字段");
        assertThat(director().get("/").body()).contains("id=\"nav-data-quality\"");
    }

    private static long itemFor(List<JsonNode> items, String field) {
        return items.stream().filter(i -> i.path("field").asString().equals(field)).findFirst().orElseThrow().path("id").asLong();
    }

    private List<Long> reviewIds() {
        return director().get("/api/leads/data-quality?size=200").tree().path("items").valueStream().map(i -> i.path("id").asLong()).toList();
    }

    private ApiResponse send(Map<String, Object> lead, String language) {
        return director().language(language).header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/leads", lead);
    }

    private Api.Request director() {
        return api.as(org.director().token());
    }

    private int audit(long leadId, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'lead' AND entity_id = :id AND action = :action")
                .param("id", String.valueOf(leadId)).param("action", action).query(Integer.class).single();
    }
}
