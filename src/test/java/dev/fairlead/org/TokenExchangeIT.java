package dev.fairlead.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Login;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first API token without the browser: an admin's login and password, sent as HTTP Basic to
 * {@code POST /api/tokens}, buy a token for that admin, checked and throttled as the login form is.
 */
@IntegrationTest
class TokenExchangeIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;

    @Test
    void anAdminsRightPasswordBuysATokenOfTheirOwnThatWorks() {
        Login admin = fixtures.login(OrgFixtures.username("script.admin"), "脚本管理员", Role.ADMIN, null, null);

        ApiResponse issued = basic(admin.user().username(), OrgFixtures.PASSWORD).post("/api/tokens", "");

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.header("Set-Cookie")).as("no session is made").isNull();
        String token = issued.tree().path("secret").asString();
        assertThat(token).startsWith("flt_");
        assertThat(issued.tree().path("token").path("userId").asLong()).isEqualTo(admin.user().id());
        ApiResponse me = api.as(token).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.tree().path("username").asString()).isEqualTo(admin.user().username());

        ApiResponse named = basic(admin.user().username(), OrgFixtures.PASSWORD).post("/api/tokens", Map.of("name", "provisioning"));
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.tree().path("token").path("name").asString()).isEqualTo("provisioning");
        ApiResponse forSomeoneElse = basic(admin.user().username(), OrgFixtures.PASSWORD)
                .post("/api/tokens", Map.of("userId", admin.user().id() + 1_000_000, "name", "not mine"));
        assertThat(forSomeoneElse.status()).isEqualTo(400);
        assertThat(forSomeoneElse.errorFields()).containsExactly("userId");
    }

    @Test
    void aWrongPasswordOrAnUnknownLoginIsOne401AndBasicOpensNothingElse() {
        Login admin = fixtures.login(OrgFixtures.username("script.admin"), "脚本管理员", Role.ADMIN, null, null);

        ApiResponse wrong = basic(admin.user().username(), "not-the-password").post("/api/tokens", "");
        ApiResponse unknown = basic("nobody." + admin.user().id(), OrgFixtures.PASSWORD).post("/api/tokens", "");
        ApiResponse malformed = api.anonymous().header("Authorization", "Basic !!!").post("/api/tokens", "");

        for (ApiResponse refused : new ApiResponse[] {wrong, unknown, malformed}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(basic(admin.user().username(), OrgFixtures.PASSWORD).get("/api/tokens").status())
                .as("Basic is only for the exchange").isEqualTo(401);
        assertThat(basic(admin.user().username(), OrgFixtures.PASSWORD).get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aNonAdminsRightPasswordBuysNoToken() {
        Login finance = fixtures.login(OrgFixtures.username("script.finance"), "脚本财务", Role.FINANCE, null, null);

        assertThat(basic(finance.user().username(), OrgFixtures.PASSWORD).post("/api/tokens", "").status()).isEqualTo(403);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountAsOnTheLoginForm() {
        Login admin = fixtures.login(OrgFixtures.username("script.admin"), "脚本管理员", Role.ADMIN, null, null);
        int locksAfter = environment.getProperty("fairlead.security.max-failed-logins", Integer.class, 5);

        for (int i = 0; i < locksAfter; i++) {
            assertThat(basic(admin.user().username(), "guess-" + i).post("/api/tokens", "").status()).isEqualTo(401);
        }

        assertThat(basic(admin.user().username(), OrgFixtures.PASSWORD).post("/api/tokens", "").status())
                .as("the right password, once the account is locked").isEqualTo(401);
        assertThat(jdbc.sql("SELECT locked_until IS NOT NULL FROM app_user WHERE id = :id").param("id", admin.user().id())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aClientAddressWithTooManyWrongPasswordsIsToldToWaitBeforeAnyPasswordIsChecked() {
        Login admin = fixtures.login(OrgFixtures.username("script.admin"), "脚本管理员", Role.ADMIN, null, null);
        int perClient = environment.getRequiredProperty("fairlead.security.max-failures-per-client", Integer.class);
        // The tests' client address: whichever the server saw for localhost.
        String[] clients = {"127.0.0.1", "0:0:0:0:0:0:0:1"};
        try {
            for (String client : clients) {
                jdbc.sql("INSERT INTO login_failure (client, at) SELECT :client, now() FROM generate_series(1, :n)")
                        .param("client", client).param("n", perClient).update();
            }

            ApiResponse throttled = basic(admin.user().username(), OrgFixtures.PASSWORD).post("/api/tokens", "");

            assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isNotBlank();
            assertThat(throttled.contentType()).startsWith("application/problem+json");
        } finally {
            for (String client : clients) {
                jdbc.sql("DELETE FROM login_failure WHERE client = :client").param("client", client).update();
            }
        }
        assertThat(basic(admin.user().username(), OrgFixtures.PASSWORD).post("/api/tokens", "").status()).isEqualTo(201);
    }

    private Api.Request basic(String username, String password) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.anonymous().header("Authorization", "Basic " + credentials);
    }
}
