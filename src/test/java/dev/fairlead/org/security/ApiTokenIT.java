package dev.fairlead.org.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.org.ApiToken;
import dev.fairlead.org.IssuedToken;
import dev.fairlead.org.User;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Login;
import dev.fairlead.support.OrgFixtures.Org;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIssuedTokenActsAsItsUser() {
        IssuedToken issued = issue(org.director().user(), "CRM sync", null);

        ApiResponse me = api.as(issued.secret()).get("/api/me");

        assertThat(issued.secret()).startsWith("flt_").hasSizeGreaterThan(40);
        assertThat(issued.token().username()).isEqualTo(org.director().username());
        assertThat(issued.token().createdBy()).isEqualTo(org.admin().username());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.as(User.class).username()).isEqualTo(org.director().username());
    }

    @Test
    void storesOnlyTheHashOfTheSecret() {
        IssuedToken issued = issue(org.finance().user(), "ERP export", null);

        String hash = jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id").param("id", issued.token().id())
                .query(String.class).single();
        String wholeRow = jdbc.sql("SELECT row_to_json(k)::text FROM api_token k WHERE id = :id").param("id", issued.token().id())
                .query(String.class).single();

        assertThat(hash).isNotEqualTo(issued.secret()).isEqualTo(sha256(issued.secret()));
        assertThat(wholeRow).doesNotContain(issued.secret());
    }

    @Test
    void neitherSecretNorHashIsShownAgain() {
        IssuedToken issued = issue(org.finance().user(), "BI dashboard", null);

        ApiResponse list = api.as(org.admin().token()).get("/api/tokens");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.asListOf(ApiToken.class)).extracting(ApiToken::id).contains(issued.token().id());
        assertThat(list.body()).doesNotContain(issued.secret()).doesNotContain(sha256(issued.secret()));
        assertThat(list.body()).contains(issued.secret().substring(0, 10));
    }

    @Test
    void recordsWhenATokenWasLastUsed() {
        IssuedToken issued = issue(org.director().user(), "nightly report", null);

        assertThat(api.as(issued.secret()).get("/api/teams").status()).isEqualTo(200);

        ApiToken token = tokenNamed(issued.token().id());
        assertThat(token.lastUsedAt()).isNotNull().isAfterOrEqualTo(issued.token().createdAt());
    }

    @Test
    void theTokenOfALockedUserIsRefusedUntilTheLockEnds() {
        Login login = fixtures.login(OrgFixtures.username("locked"), "Locked Director", Role.DIRECTOR, null, null);
        IssuedToken issued = issue(login.user(), "sync of a user who is then locked", null);
        assertThat(api.as(issued.secret()).get("/api/me").status()).isEqualTo(200);

        jdbc.sql("UPDATE app_user SET locked_until = :until WHERE id = :id")
                .param("until", java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(15)))).param("id", login.user().id())
                .update();

        assertThat(api.as(issued.secret()).get("/api/me").status()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(16));
        assertThat(api.as(issued.secret()).get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenIsRefusedWithAProblem() {
        IssuedToken issued = issue(org.director().user(), "leaked", null);
        assertThat(api.as(issued.secret()).get("/api/me").status()).isEqualTo(200);

        ApiResponse revoked = api.as(org.admin().token()).delete("/api/tokens/" + issued.token().id());
        ApiResponse refused = api.as(issued.secret()).get("/api/me");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.as(ApiToken.class).revokedAt()).isNotNull();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.tree().path("status").asInt()).isEqualTo(401);
        assertThat(refused.tree().path("title").asString()).isEqualTo("Authentication required");
    }

    @Test
    void anExpiredTokenIsRefused() {
        IssuedToken issued = issue(org.director().user(), "one-hour import", clock.instant().plus(Duration.ofHours(1)));
        assertThat(api.as(issued.secret()).get("/api/me").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));

        assertThat(api.as(issued.secret()).get("/api/me").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"flt_garbage", "flt_", "not-a-fairlead-token", "eyJhbGciOiJIUzI1NiJ9.e30.abc"})
    void aGarbageTokenIsRefused(String garbage) {
        ApiResponse refused = api.as(garbage).get("/api/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTokenWithOneCharacterChangedIsRefused() {
        String secret = org.director().token();
        char last = secret.charAt(secret.length() - 1);
        String tampered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(api.as(tampered).get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aDisabledUsersTokensStopWorking() {
        Login login = fixtures.login(OrgFixtures.username("leaver"), "离职员工 Leaver", Role.DIRECTOR, null, null);
        assertThat(api.as(login.token()).get("/api/me").status()).isEqualTo(200);
        Map<String, Object> disable = new HashMap<>();
        disable.put("username", login.username());
        disable.put("displayName", login.user().displayName());
        disable.put("role", "DIRECTOR");
        disable.put("enabled", false);

        assertThat(api.as(org.admin().token()).put("/api/users/" + login.user().id(), disable).status()).isEqualTo(200);

        assertThat(api.as(login.token()).get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void refusesAnExpiryInThePastAndAnUnknownUser() {
        ApiResponse past = api.as(org.admin().token()).post("/api/tokens",
                Map.of("userId", org.director().user().id(), "name", "too late", "expiresAt", clock.instant().minusSeconds(60).toString()));
        ApiResponse unknown = api.as(org.admin().token()).post("/api/tokens", Map.of("userId", 987654321, "name", "nobody"));

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.errorFields()).containsExactly("expiresAt");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("userId");
    }

    @Test
    void aBearerCallNeedsNoCsrfToken() {
        ApiResponse created = api.as(org.admin().token())
                .post("/api/teams", Map.of("name", "无锡组 Wuxi", "kind", "TEAM", "parentId", org.eastChina().id()));

        assertThat(created.status()).isEqualTo(201);
    }

    private IssuedToken issue(User user, String name, Instant expiresAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", user.id());
        body.put("name", name);
        body.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        ApiResponse issued = api.as(org.admin().token()).post("/api/tokens", body);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.as(IssuedToken.class);
    }

    private ApiToken tokenNamed(long id) {
        List<ApiToken> tokens = api.as(org.admin().token()).get("/api/tokens").asListOf(ApiToken.class);
        return tokens.stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
