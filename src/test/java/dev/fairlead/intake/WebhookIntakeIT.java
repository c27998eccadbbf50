package dev.fairlead.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIntakeIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(5_000_000);

    @LocalServerPort
    int port;

    @Autowired
    WebhookIntake webhooks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String source;
    String secret;

    @BeforeAll
    void aSignedWebForm() {
        source = "site-" + SEQUENCE.incrementAndGet();
        secret = webhooks.create(new Viewer(1, "admin", Role.ADMIN, null, null), source, LeadSource.WEB_FORM).secret();
    }

    private String body() {
        int n = SEQUENCE.incrementAndGet();
        return """
                {"company": "杭州青禾餐饮管理有限公司", "contactName": "周敏", "title": "运营经理",
                 "phone": "1370%07d", "email": "zhoumin%d@qinghe.example.cn", "provinceCode": "33", "productInterest": "crm"}
                """.formatted(n, n);
    }

    private HttpResponse<String> post(String path, String body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("X-Fairlead-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Fairlead-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sign(String key, String timestamp, String body) {
        return "sha256=" + HexFormat.of().formatHex(WebhookIntake.sign(key, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    private long leadsWithEmailLike(String body) {
        String email = body.replaceAll("(?s).*\"email\": \"([^\"]+)\".*", "$1");
        return jdbc.sql("SELECT count(*) FROM lead WHERE email = :e AND source = 'WEB_FORM'").param("e", email).query(Long.class).single();
    }

    @Test
    void acceptsASignedLeadWithoutLoginAndIgnoresAReplay() throws Exception {
        String body = body();
        String now = String.valueOf(clock.instant().getEpochSecond());
        String signature = sign(secret, now, body);

        HttpResponse<String> first = post("/api/intake/webhook/" + source, body, now, signature);
        HttpResponse<String> replay = post("/api/intake/webhook/" + source, body, now, signature);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"outcome\":\"CREATED\"");
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(leadsWithEmailLike(body)).isEqualTo(1);
    }

    @Test
    void rejectsAWrongSignature() throws Exception {
        String body = body();
        String now = String.valueOf(clock.instant().getEpochSecond());

        HttpResponse<String> response = post("/api/intake/webhook/" + source, body, now, sign("not-the-secret", now, body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(leadsWithEmailLike(body)).isZero();
    }

    @Test
    void rejectsABodyChangedAfterSigning() throws Exception {
        String body = body();
        String now = String.valueOf(clock.instant().getEpochSecond());
        String signature = sign(secret, now, body);

        HttpResponse<String> response = post("/api/intake/webhook/" + source, body.replace("周敏", "周敏敏"), now, signature);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsAStaleTimestampEvenWhenCorrectlySigned() throws Exception {
        String body = body();
        String sixMinutesAgo = String.valueOf(clock.instant().getEpochSecond() - 360);

        HttpResponse<String> response = post("/api/intake/webhook/" + source, body, sixMinutesAgo, sign(secret, sixMinutesAgo, body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(leadsWithEmailLike(body)).isZero();
    }

    @Test
    void rejectsMissingHeadersAndUnknownSources() throws Exception {
        String body = body();
        String now = String.valueOf(clock.instant().getEpochSecond());

        assertThat(post("/api/intake/webhook/" + source, body, null, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/intake/webhook/nobody", body, now, sign(secret, now, body)).statusCode()).isEqualTo(401);
    }

    @Test
    void theWebhookPathOpensNothingElse() throws Exception {
        String body = body();
        HttpResponse<String> response = post("/api/leads", body, null, null);

        assertThat(response.statusCode()).isIn(401, 403);
        assertThat(leadsWithEmailLike(body)).isZero();
    }
}
