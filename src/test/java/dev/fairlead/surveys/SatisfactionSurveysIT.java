package dev.fairlead.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.org.Rep;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Satisfaction surveys end to end: a won deal's and a visit's links answered once each by the
 * customer (no login), refused after, expired and unknown links, the token kept only as its hash,
 * the answers on the deal, the customer and the rep's SATISFACTION dimension, scope, rate limit.
 */
@IntegrationTest
@Import(WorkLeadFixtures.class)
@TestPropertySource(properties = {"fairlead.jobs.enabled=false", "fairlead.test.context=surveys"})
class SatisfactionSurveysIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    OrgFixtures.Org org;
    String rep;

    @BeforeEach
    void setUp() {
        org = fixtures.eastAndSouthChina();
        rep = org.rep().token();
        clock.startAt(at(9, 10));
        jdbc.sql("DELETE FROM survey_request").update();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        jdbc.sql("DELETE FROM survey_request").update();
    }

    @Test
    void aWonDealAndAVisitAreRatedOnceEachAndTheRatingsLandOnDealCustomerAndScorecard() throws Exception {
        activeSatisfactionScheme();
        JsonNode deal = wonDeal(org.liNa(), rep);
        long dealId = deal.path("id").asLong();
        long customerId = deal.path("customerId").asLong();
        JsonNode visit = ok(api.as(rep).post("/api/deals/" + dealId + "/follow-ups",
                Map.of("kind", "VISIT", "outcome", "POSITIVE", "notes", "内部备注：客户预算紧张")));

        // a deal that is not won, and a follow-up that is not a visit, take no survey
        JsonNode call = ok(api.as(rep).post("/api/deals/" + dealId + "/follow-ups", Map.of("kind", "CALL", "outcome", "POSITIVE")));
        assertThat(api.as(rep).post("/api/surveys", Map.of("followUpId", call.path("id").asLong())).errorFields()).contains("followUpId");

        JsonNode sent = ok(api.as(rep).post("/api/surveys", Map.of("dealId", dealId, "locale", "zh-CN")));
        String link = sent.path("link").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(token).hasSize(43);
        assertThat(sent.path("survey").path("locale").asString()).isEqualTo("zh-CN");
        // one open survey per deal
        assertThat(api.as(rep).post("/api/surveys", Map.of("dealId", dealId)).status()).isEqualTo(409);

        // only the hash is stored: no column holds the token
        long id = sent.path("survey").path("id").asLong();
        String row = jdbc.sql("SELECT CAST(to_jsonb(s) AS text) FROM satisfaction_survey s WHERE id = :id").param("id", id)
                .query(String.class).single();
        assertThat(row).doesNotContain(token);
        byte[] hash = jdbc.sql("SELECT token_hash FROM satisfaction_survey WHERE id = :id").param("id", id).query(byte[].class).single();
        assertThat(hash).isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'satisfaction_survey' AND entity_id = :id AND action = 'SEND'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

        // the customer opens the page without login, in Chinese; nothing internal on it
        ApiResponse page = api.anonymous().get("/survey/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("您对我们的服务满意吗").contains(deal.path("name").asString()).doesNotContain("45000")
                .doesNotContain("45,000");
        ApiResponse answered = api.anonymous().postForm("/survey/" + token, Map.of("rating", "5", "comment", "服务很好，响应及时"));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("谢谢您");
        // a second answer: refused, on the page and over JSON; the first one stands
        ApiResponse again = api.anonymous().postForm("/survey/" + token, Map.of("rating", "1"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("已回复").doesNotContain("谢谢您！</h1>");
        assertThat(api.anonymous().post("/api/public/surveys/" + token, Map.of("rating", 1)).status()).isEqualTo(409);
        assertThat(api.anonymous().language("en").get("/survey/" + token + "?lang=en").body()).contains("Already answered");

        // the visit's survey, answered over JSON, in English; an out-of-range rating is a 400 first
        JsonNode visitSent = ok(api.as(org.manager().token()).post("/api/surveys", Map.of("followUpId", visit.path("id").asLong(),
                "locale", "en")));
        String visitToken = visitSent.path("link").asString().substring(visitSent.path("link").asString().lastIndexOf('/') + 1);
        JsonNode shown = ok(api.anonymous().get("/api/public/surveys/" + visitToken));
        assertThat(shown.path("visit").asBoolean()).isTrue();
        assertThat(shown.toString()).doesNotContain("预算");
        assertThat(api.anonymous().post("/api/public/surveys/" + visitToken, Map.of("rating", 6)).errorFields()).contains("rating");
        assertThat(api.anonymous().post("/api/public/surveys/" + visitToken, Map.of("rating", 4, "comment", "x".repeat(1001)))
                .errorFields()).contains("comment");
        ok(api.anonymous().post("/api/public/surveys/" + visitToken, Map.of("rating", 4)));

        // on the deal, the customer and the rep
        List<JsonNode> onDeal = ok(api.as(rep).get("/api/surveys?dealId=" + dealId)).valueStream().toList();
        assertThat(onDeal).extracting(s -> s.path("rating").asInt()).containsExactlyInAnyOrder(5, 4);
        assertThat(onDeal).anySatisfy(s -> assertThat(s.path("comment").asString()).isEqualTo("服务很好，响应及时"));
        assertThat(ok(api.as(rep).get("/api/surveys?customerId=" + customerId)).size()).isEqualTo(2);
        assertThat(ok(api.as(org.manager().token()).get("/api/surveys?repId=" + org.liNa().id())).size()).isEqualTo(2);
        assertThat(ok(api.as(org.southManager().token()).get("/api/surveys?dealId=" + dealId)).size()).isZero();
        assertThat(api.as(org.southManager().token()).get("/api/surveys/" + id).status()).isEqualTo(404);

        JsonNode card = ok(api.as(rep).language("en").get("/api/performance/scorecards/mine?period=2026-11"));
        JsonNode satisfaction = card.path("scorecard").path("card").path("dimensions").valueStream()
                .filter(d -> d.path("rule").path("metric").asString().equals("SATISFACTION")).findFirst().orElseThrow();
        assertThat(satisfaction.path("actual").path("value").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(satisfaction.path("actual").path("count").asLong()).isEqualTo(2);
        assertThat(card.path("explanation").path("dimensions").path("SATISFACTION").path("howComputed").asString())
                .contains("4.5 / 5").contains("2 survey answers");
    }

    @Test
    void anExpiredLinkIsGoneAnUnknownOneNotFoundAndANewSurveyMayReplaceTheExpiredOne() {
        long dealId = wonDeal(org.liNa(), rep).path("id").asLong();
        String link = ok(api.as(rep).post("/api/surveys", Map.of("dealId", dealId))).path("link").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);

        clock.advanceTo(clock.instant().plus(Duration.ofDays(14)).plusSeconds(1));
        assertThat(api.anonymous().get("/survey/" + token).status()).isEqualTo(410);
        assertThat(api.anonymous().postForm("/survey/" + token, Map.of("rating", "5")).status()).isEqualTo(410);
        assertThat(api.anonymous().post("/api/public/surveys/" + token, Map.of("rating", 5)).status()).isEqualTo(410);
        assertThat(api.anonymous().get("/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
        assertThat(api.anonymous().get("/survey/not-a-token").status()).isEqualTo(404);
        assertThat(api.anonymous().post("/api/public/surveys/nope", Map.of("rating", 5)).status()).isEqualTo(404);

        // the expired survey no longer holds the deal's one open place
        String fresh = ok(api.as(rep).post("/api/surveys", Map.of("dealId", dealId))).path("link").asString();
        assertThat(api.anonymous().get(fresh.substring(fresh.indexOf("/survey/"))).status()).isEqualTo(200);
        assertThat(api.anonymous().get("/survey/" + token).status()).isEqualTo(404);
    }

    @Test
    void aRepCannotSurveyAnotherRepsDealAndFinanceSendsNone() {
        long wangWeisDeal = wonDeal(org.wangWei(), org.manager().token()).path("id").asLong();
        assertThat(api.as(rep).post("/api/surveys", Map.of("dealId", wangWeisDeal)).status()).isEqualTo(404);
        assertThat(api.as(org.finance().token()).post("/api/surveys", Map.of("dealId", wangWeisDeal)).status()).isEqualTo(403);
        assertThat(api.as(org.manager().token()).post("/api/surveys", Map.of("dealId", wangWeisDeal)).status()).isEqualTo(201);
        long open = wonDealNotWon(org.liNa(), rep);
        assertThat(api.as(rep).post("/api/surveys", Map.of("dealId", open)).errorFields()).contains("dealId");
    }

    @Test
    void thePublicPagesAnswer429AfterThirtyRequestsFromOneAddressWithinTenMinutes() {
        for (int i = 0; i < 30; i++) {
            assertThat(api.anonymous().get("/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + i % 10).status()).isEqualTo(404);
        }
        ApiResponse refused = api.anonymous().language("zh-CN").get("/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("请求过多");
        assertThat(api.anonymous().post("/api/public/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1", Map.of("rating", 5)).status())
                .isEqualTo(429);
        assertThat(jdbc.sql("SELECT count(*) FROM survey_request").query(Long.class).single()).isEqualTo(32);

        clock.advanceTo(clock.instant().plus(Duration.ofMinutes(11)));
        assertThat(api.anonymous().get("/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1").status()).isEqualTo(404);
    }

    private JsonNode wonDeal(Rep owner, String token) {
        long id = wonDealNotWon(owner, token);
        return ok(api.as(token).post("/api/deals/" + id + "/stage", Map.of("stage", "won")));
    }

    private long wonDealNotWon(Rep owner, String token) {
        Lead lead = leads.lead();
        ownership.assign(lead.id(), owner.id(), "assigned by the manager", false);
        return ok(api.as(token).post("/api/deals/from-lead/" + lead.id(), Map.of("amount", 45000))).path("id").asLong();
    }

    private void activeSatisfactionScheme() {
        String director = org.director().token();
        List<Map<String, Object>> dimensions = List.of(
                Map.of("metric", "SATISFACTION", "weight", 50, "targets", Map.of("target", 4.5), "curve", "LINEAR", "capPercent", 100),
                Map.of("metric", "DEALS_WON", "weight", 50, "targets", Map.of("target", 2), "curve", "LINEAR", "capPercent", 100));
        long id = ok(api.as(director).post("/api/performance/schemes", Map.of("name", "满意度考核 " + org.n(), "audience", "ALL",
                "periodKind", "MONTH", "dimensions", dimensions))).path("id").asLong();
        ok(api.as(director).post("/api/performance/schemes/" + id + "/activate", Map.of("reason", "满意度试点")));
    }

    private Instant at(int novemberDay, int hour) {
        return Instant.from(LocalDateTime.of(2026, 11, novemberDay, hour, 0).atZone(clock.getZone()));
    }

    private static JsonNode ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.tree();
    }
}
