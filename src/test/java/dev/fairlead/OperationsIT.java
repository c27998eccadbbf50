package dev.fairlead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;

/** What operators and integrators reach without logging in: health, metrics, the API description. */
@IntegrationTest
@AutoConfigureMetrics
class OperationsIT {

    @Autowired Api api;

    @Test
    void healthIsUp() {
        ApiResponse health = api.anonymous().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.tree().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        assertThat(api.anonymous().get("/actuator/health/liveness").tree().path("status").asString()).isEqualTo("UP");
        assertThat(api.anonymous().get("/actuator/health/readiness").tree().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusScrapesJvmAndConnectionPoolMetricsTaggedWithTheApplication() {
        api.anonymous().get("/actuator/health");

        ApiResponse scrape = api.anonymous().get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body()).contains("jvm_memory_used_bytes", "hikaricp_connections", "application=\"fairlead\"");
    }

    @Test
    void detailedMetricsNeedALogin() {
        assertThat(api.anonymous().get("/actuator/metrics").status()).isNotEqualTo(200);
    }

    @Test
    void theApiDescriptionListsTheRestEndpoints() {
        ApiResponse docs = api.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.tree().path("paths").propertyNames())
                .contains("/api/reps", "/api/reps/{id}", "/api/reps/{id}/absences", "/api/teams", "/api/users", "/api/tokens", "/api/audit")
                .allMatch(path -> path.startsWith("/api/"));
        assertThat(docs.tree().path("components").path("schemas").path("ExplainedAssignment").toString())
                .as("an assignment documents its one-line summary beside the record's own fields")
                .contains("\"summary\"").contains("reader's language").contains("explanation").contains("repName");
    }
}
