package dev.fairlead.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Org;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whatever layer notices a client's mistake, the answer is a 4xx problem in the caller's language. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;

    Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void aMultipartHeaderWithoutBoundaryIsABadRequestNotAServerError() {
        ApiResponse response = api.as(org.admin().token()).header("Content-Type", "multipart/form-data").get("/api/teams/-1");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("multipart/form-data");
    }

    @Test
    void potentialsOfTheWrongShapeAreFieldErrorsAndNothingIsSaved() {
        int before = jdbc.sql("SELECT count(*) FROM territory_potential").query(Integer.class).single();

        ApiResponse response = api.as(org.director().token())
                .put("/api/goals/potentials", "[{\"kind\":\"CITY\",\"code\":\"310100\",\"potential\":5},{\"kind\":\"X\"},null]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"[1].kind\"", "\"[1].code\"", "\"[1].potential\"", "\"[2]\"")
                .contains("PROVINCE, CITY, POSTAL_PREFIX");
        assertThat(jdbc.sql("SELECT count(*) FROM territory_potential").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aNegativePotentialSaysTheMinimumInBothLanguages() {
        String body = "[{\"kind\":\"CITY\",\"code\":\"310100\",\"potential\":-1}]";

        assertThat(api.as(org.director().token()).language("en").put("/api/goals/potentials", body).body())
                .contains("must be at least 0");
        assertThat(api.as(org.director().token()).language("zh-CN").put("/api/goals/potentials", body).body())
                .contains("不能小于 0");
    }

    @Test
    void anUnknownEnumValueIsNamedWithTheAcceptedOnes() {
        ApiResponse en = api.as(org.director().token()).language("en").get("/api/goals?metric=NOPE");
        ApiResponse zh = api.as(org.director().token()).language("zh-CN").get("/api/goals?metric=NOPE");

        assertThat(en.status()).isEqualTo(400);
        assertThat(en.body()).contains("'NOPE' is not one of the accepted values").contains("REVENUE");
        assertThat(zh.body()).contains("“NOPE”不是可接受的值").contains("REVENUE");
    }

    @Test
    void aWrongTypeInTheBodyNamesTheFieldAndTheExpectedType() {
        ApiResponse response = api.as(org.director().token()).language("en")
                .put("/api/goals/potentials", "[{\"kind\":\"CITY\",\"code\":\"310100\",\"potential\":{\"a\":1}}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"[0].potential\"").contains("must be a number");
    }

    @Test
    void aFieldTheEndpointDoesNotTakeIsRefusedByNameAndNothingIsCreated() {
        long before = jdbc.sql("SELECT count(*) FROM routing_rule_set").query(Long.class).single();

        ApiResponse en = api.as(org.director().token()).language("en").post("/api/routing/rule-sets",
                Map.of("name", "集成方草稿", "rules", List.of(Map.of("name", "Only Li Na", "targetKind", "REPS"))));
        ApiResponse zh = api.as(org.director().token()).language("zh-CN").post("/api/routing/rule-sets",
                Map.of("name", "集成方草稿", "rulez", List.of()));

        assertThat(en.status()).isEqualTo(400);
        assertThat(en.errorFields()).containsExactly("rules");
        assertThat(en.errorMessage("rules")).contains("is not a field this endpoint takes").contains("basedOn").contains("name");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.errorFields()).containsExactly("rulez");
        assertThat(jdbc.sql("SELECT count(*) FROM routing_rule_set").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void everyAnswerCarriesACorrelationIdAndTheSecurityHeaders() {
        ApiResponse response = api.as(org.director().token()).header("X-Request-Id", "support-ticket-42").get("/api/me");

        assertThat(response.header("X-Request-Id")).isEqualTo("support-ticket-42");
        assertThat(response.header("Content-Security-Policy")).contains("script-src 'self' 'nonce-").contains("frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(api.as(org.director().token()).header("X-Request-Id", "not a sane id!").get("/api/me").header("X-Request-Id"))
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void aPathTheServerRefusesBeforeTheApplicationIsStillAProblemInTheCallersLanguage() {
        for (String path : List.of("/api/leads/..%2F..%2Fetc%2Fpasswd/sla", "/api/leads/%00/tasks", "/api/leads/%25/tasks")) {
            ApiResponse en = api.as(org.admin().token()).language("en").get(path);
            ApiResponse zh = api.as(org.admin().token()).language("zh-CN").get(path);

            assertThat(en.status()).as(path).isEqualTo(400);
            assertThat(en.contentType()).as(path).startsWith("application/problem+json");
            assertThat(en.body()).as(path).contains("Bad request").doesNotContain("Tomcat");
            assertThat(zh.body()).as(path).contains("请求无效");
        }
    }

    @Test
    void aBodyOfATypeNoHandlerTakesIsAProblemNamingWhatIsAccepted() {
        ApiResponse response = api.as(org.director().token()).language("en")
                .raw("PUT", "/api/goals/potentials", "text/plain", "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("'text/plain").contains("application/json").contains("Nothing was saved");
        assertThat(api.as(org.director().token()).language("zh-CN").raw("PUT", "/api/goals/potentials", "text/plain",
                "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of()).body()).contains("不支持的内容类型", "未保存任何内容");
    }

    @Test
    void aMethodTheAddressDoesNotTakeNamesTheOnesItDoes() {
        ApiResponse response = api.as(org.director().token()).language("en").delete("/api/goals/potentials");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("does not accept DELETE").contains("PUT");
    }
}
