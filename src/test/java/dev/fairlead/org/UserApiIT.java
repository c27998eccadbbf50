package dev.fairlead.org;

import static dev.fairlead.support.OrgFixtures.username;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Login;
import dev.fairlead.support.OrgFixtures.Org;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserApiIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;

    Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void adminCreatesAManagerForATeam() {
        String username = username("manager.shenzhen");
        Map<String, Object> body = user(username, "深圳组经理 Manager He", "MANAGER", org.shenzhen().id(), null, "s3cret-passw0rd");
        body.put("locale", "zh-CN");

        ApiResponse created = api.as(org.admin().token()).post("/api/users", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        User user = created.as(User.class);
        assertThat(user.username()).isEqualTo(username);
        assertThat(user.displayName()).isEqualTo("深圳组经理 Manager He");
        assertThat(user.role()).isEqualTo(Role.MANAGER);
        assertThat(user.teamId()).isEqualTo(org.shenzhen().id());
        assertThat(user.locale()).isEqualTo("zh-CN");
        assertThat(user.enabled()).isTrue();
        assertThat(user.locked()).isFalse();
        assertThat(created.body()).doesNotContain("s3cret-passw0rd").doesNotContainIgnoringCase("password");
        assertThat(api.as(org.admin().token()).get("/api/users").asListOf(User.class)).extracting(User::id).contains(user.id());
    }

    @Test
    void storesPasswordsOnlyAsAnAdaptiveHash() {
        String username = username("finance.li");
        User user = api.as(org.admin().token())
                .post("/api/users", user(username, "财务 Finance Li", "FINANCE", null, null, "s3cret-passw0rd")).as(User.class);

        String hash = passwordHash(user.id());

        assertThat(hash).startsWith("{bcrypt}").doesNotContain("s3cret-passw0rd");
        assertThat(passwords.matches("s3cret-passw0rd", hash)).isTrue();
    }

    @Test
    void linksARepLoginToItsRepProfile() {
        Rep rep = fixtures.rep(org.shenzhen(), "高媛", OrgFixtures.email("gao.yuan"), OrgFixtures.shenzhenCity());

        ApiResponse created = api.as(org.admin().token())
                .post("/api/users", user(username("gao.yuan"), "高媛", "REP", null, rep.id(), "s3cret-passw0rd"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.as(User.class).repId()).isEqualTo(rep.id());
        assertThat(created.as(User.class).teamId()).as("a rep's team comes from the rep profile").isEqualTo(org.shenzhen().id());
    }

    @Test
    void aRepProfileHasAtMostOneLogin() {
        ApiResponse refused = api.as(org.admin().token())
                .post("/api/users", user(username("li.na"), "李娜 again", "REP", null, org.liNa().id(), "s3cret-passw0rd"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("repId");
        assertThat(refused.errorMessage("repId")).isEqualTo("This rep profile already has a login");
    }

    @Test
    void rejectsAShortPasswordAManagerWithoutTeamAndARepWithoutProfile() {
        ApiResponse shortPassword = api.as(org.admin().token())
                .post("/api/users", user(username("short"), "Short Password", "DIRECTOR", null, null, "abc123"));
        ApiResponse managerWithoutTeam = api.as(org.admin().token())
                .post("/api/users", user(username("manager"), "No Team", "MANAGER", null, null, "s3cret-passw0rd"));
        ApiResponse repWithoutProfile = api.as(org.admin().token())
                .post("/api/users", user(username("rep"), "No Profile", "REP", null, null, "s3cret-passw0rd"));

        assertThat(shortPassword.errorFields()).containsExactly("password");
        assertThat(shortPassword.errorMessage("password")).isEqualTo("must be at least 10 characters");
        assertThat(managerWithoutTeam.errorFields()).containsExactly("teamId");
        assertThat(repWithoutProfile.errorFields()).containsExactly("repId");
        assertThat(List.of(shortPassword.status(), managerWithoutTeam.status(), repWithoutProfile.status())).containsOnly(400);
    }

    @Test
    void aNewUserNeedsAPassword() {
        ApiResponse refused = api.as(org.admin().token())
                .post("/api/users", user(username("nopass"), "No Password", "DIRECTOR", null, null, null));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("password");
    }

    @Test
    void usernamesAreUniqueRegardlessOfCase() {
        String taken = org.director().username().toUpperCase();

        ApiResponse refused = api.as(org.admin().token()).language("zh-CN")
                .post("/api/users", user(taken, "Director Twin", "DIRECTOR", null, null, "s3cret-passw0rd"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("username");
        assertThat(refused.errorMessage("username")).isEqualTo("已被占用");
    }

    @Test
    void rejectsUsernamesWithSpacesOrChineseCharacters() {
        ApiResponse refused = api.as(org.admin().token())
                .post("/api/users", user("李 娜", "李娜", "DIRECTOR", null, null, "s3cret-passw0rd"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("username");
        assertThat(refused.errorMessage("username")).isEqualTo("must be 3–64 letters, digits, dots, dashes or underscores");
    }

    @Test
    void changesARoleWithTheCurrentVersionAndRefusesAStaleOne() {
        Login login = fixtures.login(username("promote"), "郑凯 Zheng Kai", Role.FINANCE, null, null);
        User user = login.user();
        Map<String, Object> promote = user(user.username(), user.displayName(), "DIRECTOR", null, null, null);
        promote.put("version", user.version());

        ApiResponse promoted = api.as(org.admin().token()).put("/api/users/" + user.id(), promote);
        ApiResponse stale = api.as(org.admin().token()).put("/api/users/" + user.id(), promote);

        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.as(User.class).role()).isEqualTo(Role.DIRECTOR);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.tree().path("code").asString()).isEqualTo("stale");
    }

    @Test
    void aBlankPasswordOnUpdateKeepsTheOldOne() {
        Login login = fixtures.login(username("keep"), "韩雪 Han Xue", Role.FINANCE, null, null);
        String before = passwordHash(login.user().id());
        Map<String, Object> rename = user(login.username(), "韩雪 (财务)", "FINANCE", null, null, "");

        ApiResponse renamed = api.as(org.admin().token()).put("/api/users/" + login.user().id(), rename);

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.as(User.class).displayName()).isEqualTo("韩雪 (财务)");
        assertThat(passwordHash(login.user().id())).isEqualTo(before);
    }

    @Test
    void everyRoleReadsItsOwnAccount() {
        for (Login login : List.of(org.admin(), org.director(), org.manager(), org.rep(), org.finance())) {
            ApiResponse me = api.as(login.token()).get("/api/me");

            assertThat(me.status()).as(login.username()).isEqualTo(200);
            assertThat(me.as(User.class).username()).isEqualTo(login.username());
            assertThat(me.as(User.class).role()).isEqualTo(login.user().role());
        }
    }

    @Test
    void unknownUserIsNotFound() {
        assertThat(api.as(org.admin().token()).get("/api/users/987654321").status()).isEqualTo(404);
    }

    private String passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", userId).query(String.class).single();
    }

    static Map<String, Object> user(String username, String displayName, String role, Long teamId, Long repId, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", displayName);
        body.put("email", username.replace(' ', '_') + "@fairlead.test");
        body.put("role", role);
        body.put("teamId", teamId);
        body.put("repId", repId);
        body.put("password", password);
        return body;
    }
}
