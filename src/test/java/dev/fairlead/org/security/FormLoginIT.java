package dev.fairlead.org.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.org.User;
import dev.fairlead.org.UserService;
import dev.fairlead.org.persistence.LoginFailureRepository;
import dev.fairlead.org.persistence.UserRepository;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.Html;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Login;
import dev.fairlead.support.OrgFixtures.Org;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing in through the real login page, with its CSRF token and session cookie, and the lock after wrong passwords. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormLoginIT {

    private static final String WRONG = "wrong-password-123";

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired LoginFailureRepository loginFailures;
    @Autowired UserRepository users;
    @Autowired UserService userService;

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
    void signsInWithTheRightPasswordAndUsesTheSessionForTheApi() {
        Login login = newDirector();
        Api.Request browser = api.browser();

        ApiResponse signedIn = signIn(browser, login.username(), OrgFixtures.PASSWORD);
        ApiResponse me = browser.get("/api/me");

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("/login");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.as(User.class).username()).isEqualTo(login.username());
    }

    @Test
    void aWrongPasswordSendsBackToTheLoginPageWithAnError() {
        Login login = newDirector();
        Api.Request browser = api.browser();

        ApiResponse refused = signIn(browser, login.username(), WRONG);

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login?error");
        assertThat(browser.get("/api/me").status()).isEqualTo(401);
        assertThat(browser.get("/login?error").body()).contains("Wrong username or password.");
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() {
        Login login = newDirector();
        Api.Request browser = api.browser();
        browser.get("/login");

        ApiResponse refused = browser.postForm("/login", Map.of("username", login.username(), "password", OrgFixtures.PASSWORD));

        assertThat(refused.status()).isIn(302, 403);
        assertThat(refused.location()).doesNotEndWith("/");
        assertThat(browser.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilAnAdminUnlocks() {
        Login login = newDirector();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn(api.browser(), login.username(), WRONG).location()).as("attempt " + attempt).endsWith("/login?error");
        }

        ApiResponse locked = signIn(api.browser(), login.username(), OrgFixtures.PASSWORD);

        assertThat(locked.location()).as("a locked account answers like a wrong password: no user enumeration").endsWith("/login?error");
        assertThat(userAsAdminSees(login).locked()).isTrue();

        ApiResponse unlocked = api.as(org.admin().token()).post("/api/users/" + login.user().id() + "/unlock", "");

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.as(User.class).locked()).isFalse();
        Api.Request browser = api.browser();
        assertThat(signIn(browser, login.username(), OrgFixtures.PASSWORD).location()).doesNotContain("/login");
        assertThat(browser.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void theErrorPageExplainsBothAWrongPasswordAndALock() {
        assertThat(api.browser().get("/login?error").body()).contains("Wrong username or password").contains("locked for a while");
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        Login login = newDirector();
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(api.browser(), login.username(), WRONG);
        }
        assertThat(signIn(api.browser(), login.username(), OrgFixtures.PASSWORD).location()).doesNotContain("/login");
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(api.browser(), login.username(), WRONG);
        }

        assertThat(signIn(api.browser(), login.username(), OrgFixtures.PASSWORD).location()).doesNotContain("/login");
    }

    @Test
    void theLockEndsByItselfAfterTheLockoutPeriod() {
        Login login = newDirector();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(api.browser(), login.username(), WRONG);
        }
        assertThat(signIn(api.browser(), login.username(), OrgFixtures.PASSWORD).location()).endsWith("/login?error");

        clock.advance(Duration.ofMinutes(16));

        assertThat(userAsAdminSees(login).locked()).isFalse();
        assertThat(signIn(api.browser(), login.username(), OrgFixtures.PASSWORD).location()).doesNotContain("/login");
    }

    @Test
    void oneTypoAfterTheLockHasEndedDoesNotLockAgain() {
        Login login = newDirector();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(api.browser(), login.username(), WRONG);
        }
        clock.advance(Duration.ofMinutes(16));

        assertThat(signIn(api.browser(), login.username(), WRONG).location()).endsWith("/login?error");

        assertThat(signIn(api.browser(), login.username(), OrgFixtures.PASSWORD).location()).doesNotContain("/login");
    }

    @Test
    void anAddressWithTooManyWrongPasswordsWaitsOutTheWindowWithoutAnyAccountBeingChecked() {
        Login login = newDirector();
        signIn(api.browser(), login.username(), WRONG);
        String client = jdbc.sql("SELECT client FROM login_failure ORDER BY id DESC LIMIT 1").query(String.class).single();
        try {
            for (int i = 0; i < 200; i++) {
                loginFailures.record(client, clock.instant(), clock.instant().minus(Duration.ofHours(1)));
            }
            Api.Request browser = api.browser();

            ApiResponse throttled = signIn(browser, login.username(), OrgFixtures.PASSWORD);

            assertThat(throttled.location()).endsWith("/login?throttled");
            assertThat(browser.get("/api/me").status()).isEqualTo(401);
            assertThat(failedLogins(login)).as("the right password was never checked, the wrong one counted once").isEqualTo(1);
            assertThat(api.browser().language("zh-CN").get("/login?throttled").body()).contains("密码错误次数过多");

            clock.advance(Duration.ofMinutes(16));

            assertThat(signIn(api.browser(), login.username(), OrgFixtures.PASSWORD).location()).doesNotContain("/login");
        } finally {
            loginFailures.forget(client);
        }
    }

    @Test
    void aNodeStartedWithFairleadUnlockUnlocksTheNamedAccountsWithAnAuditedUnlock() {
        Login login = newDirector();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(api.browser(), login.username(), WRONG);
        }
        assertThat(userAsAdminSees(login).locked()).isTrue();

        new StartupUnlock(users, userService, new SecurityProperties(5, null, 0, null, List.of(login.username(), "nobody-" + org.n())))
                .run(null);

        assertThat(userAsAdminSees(login).locked()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'user' AND entity_id = :id AND action = 'UNLOCK'")
                .param("id", String.valueOf(login.user().id())).query(Long.class).single()).isEqualTo(1);
        assertThat(signIn(api.browser(), login.username(), OrgFixtures.PASSWORD).location()).doesNotContain("/login");
    }

    private int failedLogins(Login login) {
        return jdbc.sql("SELECT failed_logins FROM app_user WHERE id = :id").param("id", login.user().id()).query(Integer.class).single();
    }

    @Test
    void aSessionNeedsTheCsrfTokenToChangeData() {
        Api.Request browser = api.browser();
        signIn(browser, org.director().username(), OrgFixtures.PASSWORD);
        Map<String, Object> team = Map.of("name", "合肥组 Hefei #" + org.n(), "kind", "TEAM", "parentId", org.eastChina().id());

        ApiResponse withoutToken = browser.post("/api/teams", team);
        String token = Html.csrfMeta(browser.get("/").body());
        ApiResponse withToken = browser.header("X-CSRF-TOKEN", token).post("/api/teams", team);

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.contentType()).startsWith("application/problem+json");
        assertThat(withToken.status()).as(withToken.toString()).isEqualTo(201);
    }

    @Test
    void aForeignBearerHeaderDoesNotRideOnTheSession() {
        Api.Request browser = api.browser();
        signIn(browser, org.director().username(), OrgFixtures.PASSWORD);

        ApiResponse forged = browser.header("Authorization", "Bearer flt_forged-by-a-script")
                .post("/api/teams", Map.of("name", "伪造组 Forged", "kind", "TEAM", "parentId", org.eastChina().id()));

        assertThat(forged.status()).isEqualTo(401);
    }

    private ApiResponse signIn(Api.Request browser, String username, String password) {
        ApiResponse page = browser.get("/login");
        assertThat(page.status()).isEqualTo(200);
        return browser.postForm("/login", Map.of("username", username, "password", password, "_csrf", Html.csrfInput(page.body())));
    }

    private User userAsAdminSees(Login login) {
        return api.as(org.admin().token()).get("/api/users/" + login.user().id()).as(User.class);
    }

    private Login newDirector() {
        return fixtures.login(OrgFixtures.username("director"), "销售总监 Director", Role.DIRECTOR, null, null);
    }
}
