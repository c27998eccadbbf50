package dev.fairlead.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.LeadFixtures;
import dev.fairlead.support.OrgFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadIntakeIT {

    @Autowired
    Api api;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    private long leadsWithPhone(Object phone) {
        return jdbc.sql("SELECT count(*) FROM lead WHERE phone = :p").param("p", phone).query(Long.class).single();
    }

    @Test
    void createsScoredLeadAndReplaysTheFirstResponseForTheSameKey() {
        Map<String, Object> lead = LeadFixtures.lead("张伟");
        String key = UUID.randomUUID().toString();

        ApiResponse first = api.as(org.manager().token()).header("Idempotency-Key", key).post("/api/leads", lead);
        ApiResponse retry = api.as(org.manager().token()).header("Idempotency-Key", key).post("/api/leads", lead);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode result = first.tree();
        assertThat(result.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(result.path("score").asInt()).isGreaterThan(0);
        assertThat(result.path("grade").asString()).isEqualTo("A");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(leadsWithPhone(lead.get("phone"))).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyWithADifferentBody() {
        String key = UUID.randomUUID().toString();
        api.as(org.manager().token()).header("Idempotency-Key", key).post("/api/leads", LeadFixtures.lead("李雷"));

        ApiResponse other = api.as(org.manager().token()).header("Idempotency-Key", key).post("/api/leads", LeadFixtures.lead("韩梅梅"));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.tree().path("code").asString()).isEqualTo("idempotency.mismatch");
    }

    @Test
    void requiresAnIdempotencyKey() {
        ApiResponse response = api.as(org.manager().token()).post("/api/leads", LeadFixtures.lead("王芳"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateOneLead() throws Exception {
        Map<String, Object> lead = LeadFixtures.lead("陈静");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api.as(org.manager().token()).header("Idempotency-Key", key).post("/api/leads", lead));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<ApiResponse> f : pool.invokeAll(calls)) {
                assertThat(f.get().status()).as(f.get().toString()).isEqualTo(201);
                bodies.add(f.get().body());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(leadsWithPhone(lead.get("phone"))).isEqualTo(1);
    }

    @Test
    void reportsEveryInvalidFieldOfOneLead() {
        Map<String, Object> lead = LeadFixtures.lead("赵强");
        lead.put("phone", "12345");
        lead.put("email", "not-an-email");
        lead.put("cityCode", "4403");

        ApiResponse response = api.as(org.manager().token()).language("zh-CN")
                .header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/leads", lead);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).contains("phone", "email", "cityCode");
        assertThat(response.errorMessage("cityCode")).contains("不属于");
    }

    @Test
    void batchOfAThousandReportsEachBadItemAndCreatesTheRest() {
        List<Object> leads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> lead = LeadFixtures.lead("批量客户" + i);
            if (i % 100 == 7) {
                lead.put("email", "broken"); // set aside: the phone still reaches the person
            }
            if (i % 100 == 8) {
                lead.put("email", "broken"); // refused: nothing left to reach the person by
                lead.remove("phone");
            }
            if (i % 250 == 3) {
                lead.put("companySize", "HUGE");
            }
            leads.add(lead);
        }
        String key = UUID.randomUUID().toString();

        ApiResponse response = api.as(org.director().token()).header("Idempotency-Key", key).post("/api/leads/batch", Map.of("leads", leads));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode result = response.tree();
        assertThat(result.path("total").asInt()).isEqualTo(1000);
        assertThat(result.path("rejected").asInt()).isEqualTo(14);
        assertThat(result.path("created").asInt()).isEqualTo(986);
        assertThat(result.path("setAside").asInt()).isEqualTo(10);
        JsonNode kept = result.path("items").get(7);
        assertThat(kept.path("outcome").asString()).isEqualTo("CREATED");
        assertThat(kept.path("setAside").get(0).path("field").asString()).isEqualTo("email");
        JsonNode bad = result.path("items").get(8);
        assertThat(bad.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(bad.path("errors").get(0).path("field").asString()).isEqualTo("email");
        assertThat(result.path("items").get(3).path("errors").get(0).path("field").asString()).isEqualTo("companySize");
        long stored = jdbc.sql("SELECT count(*) FROM lead WHERE contact_name LIKE '批量客户%'").query(Long.class).single();
        assertThat(stored).isEqualTo(986);

        ApiResponse retry = api.as(org.director().token()).header("Idempotency-Key", key).post("/api/leads/batch", Map.of("leads", leads));
        assertThat(retry.body()).isEqualTo(response.body());
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE contact_name LIKE '批量客户%'").query(Long.class).single()).isEqualTo(986);
    }

    /**
     * 250 items go in three chunks of set-based intake. Each item's result is its lead as stored
     * (score, grade, owner or pool); duplicates merge across chunks, within a chunk and into a stored
     * lead as they would one at a time; three concurrent requests with the same key share one outcome.
     */
    @Test
    void aBatchOverSeveralChunksAnswersEachItemWithItsLeadAsStoredAndConcurrentRetriesShareIt() throws Exception {
        Map<String, Object> old = LeadFixtures.lead("老客户");
        ApiResponse first = api.as(org.director().token()).header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/leads", old);
        long existing = first.tree().path("leadId").asLong();
        List<Map<String, Object>> leads = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            leads.add(LeadFixtures.lead("分块批量" + i));
        }
        leads.get(120).put("phone", leads.get(10).get("phone"));
        leads.get(150).put("phone", leads.get(140).get("phone"));
        leads.get(220).put("phone", old.get("phone"));
        leads.get(60).put("contactName", " ");
        String key = UUID.randomUUID().toString();

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<ApiResponse> responses = new ArrayList<>();
        try {
            List<Callable<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(() -> api.as(org.director().token()).header("Idempotency-Key", key).post("/api/leads/batch", Map.of("leads", leads)));
            }
            for (Future<ApiResponse> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        for (ApiResponse r : responses) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(responses.get(0).body());
        }
        JsonNode result = responses.get(0).tree();
        assertThat(result.path("created").asInt()).isEqualTo(246);
        assertThat(result.path("merged").asInt()).isEqualTo(3);
        assertThat(result.path("rejected").asInt()).isEqualTo(1);
        JsonNode items = result.path("items");
        assertThat(items.get(60).path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(items.get(120).path("leadId").asLong()).isEqualTo(items.get(10).path("leadId").asLong());
        assertThat(items.get(150).path("leadId").asLong()).isEqualTo(items.get(140).path("leadId").asLong());
        assertThat(items.get(220).path("leadId").asLong()).isEqualTo(existing);
        for (JsonNode item : items) {
            if (item.path("outcome").asString().equals("REJECTED")) {
                continue;
            }
            Map<String, Object> row = jdbc.sql("SELECT owner_rep_id, pool_id, score, grade FROM lead WHERE id = :id")
                    .param("id", item.path("leadId").asLong()).query().singleRow();
            assertThat(optionalLong(item.path("ownerRepId"))).as("item %d", item.path("index").asInt()).isEqualTo(row.get("owner_rep_id"));
            assertThat(optionalLong(item.path("poolId"))).isEqualTo(row.get("pool_id"));
            assertThat(item.path("score").asInt()).isEqualTo(row.get("score"));
            assertThat(item.path("grade").asString()).isEqualTo(row.get("grade"));
            assertThat(row.get("owner_rep_id") != null || row.get("pool_id") != null).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE contact_name LIKE '分块批量%'").query(Long.class).single()).isEqualTo(246);
    }

    /** A bad item of a set-based chunk says what is wrong with it in the caller's language; its good neighbours are stored. */
    @Test
    void aRejectedBatchItemIsExplainedInTheCallersLanguage() {
        for (String language : List.of("zh-CN", "en")) {
            Map<String, Object> good = LeadFixtures.lead("语言批量甲");
            Map<String, Object> bad = LeadFixtures.lead("语言批量乙");
            bad.put("email", "broken");
            bad.remove("phone");
            JsonNode result = api.as(org.manager().token()).language(language).header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/leads/batch", Map.of("leads", List.of(good, bad))).tree();

            assertThat(result.path("items").get(0).path("outcome").asString()).isEqualTo("CREATED");
            JsonNode error = result.path("items").get(1).path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo("email");
            assertThat(error.path("message").asString()).contains(language.equals("en") ? "not a valid e-mail" : "不是有效的邮箱");
        }
    }

    private static Long optionalLong(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asLong();
    }

    @Test
    void financeCannotCreateLeads() {
        ApiResponse response = api.as(org.finance().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/leads", LeadFixtures.lead("孙丽"));

        assertThat(response.status()).isEqualTo(403);
    }
}
