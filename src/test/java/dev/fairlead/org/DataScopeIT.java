package dev.fairlead.org;

import static dev.fairlead.support.OrgFixtures.email;
import static dev.fairlead.support.OrgFixtures.repJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Login;
import dev.fairlead.support.OrgFixtures.Org;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who sees and changes what: rep their own record, manager their team and below, director and finance all. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;

    Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void repListsOnlyThemselves() {
        ApiResponse list = api.as(org.rep().token()).get("/api/reps");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.asListOf(Rep.class)).extracting(Rep::id).containsExactly(org.liNa().id());
    }

    @Test
    void repReadsTheirOwnRecord() {
        ApiResponse own = api.as(org.rep().token()).get("/api/reps/" + org.liNa().id());

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.as(Rep.class).name()).isEqualTo("李娜");
    }

    @Test
    void repGetsNotFoundForAnotherRepEvenInTheSameTeam() {
        ApiResponse colleague = api.as(org.rep().token()).get("/api/reps/" + org.wangWei().id());
        ApiResponse elsewhere = api.as(org.rep().token()).get("/api/reps/" + org.huJun().id());

        assertThat(colleague.status()).isEqualTo(404);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(colleague.body()).doesNotContain("王伟");
        assertThat(elsewhere.body()).doesNotContain("胡军");
    }

    @Test
    void repSeesOnlyTheirOwnTeam() {
        List<Team> teams = api.as(org.rep().token()).get("/api/teams").asListOf(Team.class);

        assertThat(teams).extracting(Team::id).containsExactly(org.shanghai().id());
    }

    @Test
    void repCannotChangeTheOrganisation() {
        Map<String, Object> self = repJson(org.shanghai().id(), "李娜", org.liNa().email());
        self.put("weight", 1000);

        ApiResponse raise = api.as(org.rep().token()).put("/api/reps/" + org.liNa().id(), self);
        ApiResponse team = api.as(org.rep().token()).post("/api/teams", TeamApiIT.team("李娜的团队", "TEAM", org.shanghai().id()));

        assertThat(raise.status()).isEqualTo(403);
        assertThat(team.status()).isEqualTo(403);
        assertThat(weightOf(org.liNa().id())).isEqualTo(10);
    }

    @Test
    void managerSeesTheirTeamAndItsSubTeams() {
        List<Rep> reps = api.as(org.manager().token()).get("/api/reps").asListOf(Rep.class);
        List<Team> teams = api.as(org.manager().token()).get("/api/teams").asListOf(Team.class);

        assertThat(reps).extracting(Rep::id).contains(org.liNa().id(), org.wangWei().id(), org.emilyChen().id());
        assertThat(reps).extracting(Rep::teamId).containsOnly(org.shanghai().id(), org.shanghaiKeyAccounts().id());
        assertThat(teams).extracting(Team::id)
                .containsExactlyInAnyOrder(org.shanghai().id(), org.shanghaiKeyAccounts().id());
    }

    @Test
    void regionalManagerSeesEveryTeamOfTheRegion() {
        List<Rep> reps = api.as(org.southManager().token()).get("/api/reps").asListOf(Rep.class);

        assertThat(reps).extracting(Rep::id).contains(org.huJun().id(), org.graceLin().id());
        assertThat(reps).extracting(Rep::teamId).containsOnly(org.shenzhen().id());
    }

    @Test
    void managerGetsNotFoundForARepOfAnotherTeamAndLearnsNothingAboutIt() {
        ApiResponse other = api.as(org.manager().token()).get("/api/reps/" + org.huJun().id());
        ApiResponse missing = api.as(org.manager().token()).get("/api/reps/987654321");

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("胡军").doesNotContain(org.huJun().email()).doesNotContain("深圳");
        assertThat(other.tree().path("title").asString()).isEqualTo(missing.tree().path("title").asString());
    }

    @Test
    void managerGetsNotFoundForATeamOutsideTheirScope() {
        assertThat(api.as(org.manager().token()).get("/api/teams/" + org.shenzhen().id()).status()).isEqualTo(404);
        assertThat(api.as(org.manager().token()).get("/api/teams/" + org.eastChina().id()).status()).isEqualTo(404);
    }

    @Test
    void managerFilteringByAnotherTeamGetsNothing() {
        List<Rep> reps = api.as(org.manager().token()).get("/api/reps?teamId=" + org.shenzhen().id()).asListOf(Rep.class);

        assertThat(reps).isEmpty();
    }

    @Test
    void managerCannotCreateARepInAnotherTeam() {
        String email = email("he.jing");

        ApiResponse refused = api.as(org.manager().token()).post("/api/reps", repJson(org.shenzhen().id(), "何静", email));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("teamId");
        assertThat(repsWithEmail(email)).isZero();
    }

    @Test
    void managerCannotMoveTheirRepIntoAnotherTeam() {
        Rep rep = fixtures.rep(org.shanghai(), "宋佳", email("song.jia"), OrgFixtures.shanghaiCity());

        ApiResponse refused = api.as(org.manager().token()).put("/api/reps/" + rep.id(), repJson(org.shenzhen().id(), "宋佳", rep.email()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("teamId");
        assertThat(teamOf(rep.id())).isEqualTo(org.shanghai().id());
    }

    @Test
    void managerCannotChangeARepOfAnotherTeam() {
        Map<String, Object> body = repJson(org.shenzhen().id(), "胡军", org.huJun().email());
        body.put("weight", 1);

        ApiResponse refused = api.as(org.manager().token()).put("/api/reps/" + org.huJun().id(), body);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(weightOf(org.huJun().id())).isEqualTo(10);
    }

    @Test
    void managerCreatesARepInTheirSubTeam() {
        ApiResponse created = api.as(org.manager().token())
                .post("/api/reps", repJson(org.shanghaiKeyAccounts().id(), "David Wu", email("david.wu")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.as(Rep.class).teamId()).isEqualTo(org.shanghaiKeyAccounts().id());
    }

    @Test
    void managerCannotRestructureTheTeamTheyManage() {
        ApiResponse rename = api.as(org.manager().token())
                .put("/api/teams/" + org.shanghai().id(), TeamApiIT.team("我的团队", "TEAM", org.eastChina().id()));

        assertThat(rename.status()).isEqualTo(403);
    }

    @Test
    void directorSeesEveryRepAndTeam() {
        List<Rep> reps = api.as(org.director().token()).get("/api/reps").asListOf(Rep.class);
        List<Team> teams = api.as(org.director().token()).get("/api/teams").asListOf(Team.class);

        assertThat(reps).extracting(Rep::id).containsAll(org.reps().stream().map(Rep::id).toList());
        assertThat(teams).extracting(Team::id).contains(org.company().id(), org.shanghai().id(), org.shenzhen().id());
        assertThat(api.as(org.director().token()).get("/api/reps/" + org.huJun().id()).status()).isEqualTo(200);
    }

    @Test
    void directorChangesAnyTeam() {
        Team team = fixtures.team("佛山组 Foshan", TeamKind.TEAM, org.southChina());

        ApiResponse renamed = api.as(org.director().token())
                .put("/api/teams/" + team.id(), TeamApiIT.team("佛山一组 Foshan 1", "TEAM", org.southChina().id()));

        assertThat(renamed.status()).isEqualTo(200);
    }

    @Test
    void financeReadsEverythingButChangesNothing() {
        List<Rep> reps = api.as(org.finance().token()).get("/api/reps").asListOf(Rep.class);
        Map<String, Object> change = repJson(org.shenzhen().id(), "胡军", org.huJun().email());
        change.put("weight", 999);

        ApiResponse createTeam = api.as(org.finance().token()).post("/api/teams", TeamApiIT.team("财务组", "TEAM", org.southChina().id()));
        ApiResponse createRep = api.as(org.finance().token()).post("/api/reps", repJson(org.shenzhen().id(), "冯波", email("feng.bo")));
        ApiResponse updateRep = api.as(org.finance().token()).put("/api/reps/" + org.huJun().id(), change);
        ApiResponse absence = api.as(org.finance().token()).post("/api/reps/" + org.huJun().id() + "/absences",
                Map.of("startsOn", "2026-12-01", "endsOn", "2026-12-02"));

        assertThat(reps).extracting(Rep::id).containsAll(org.reps().stream().map(Rep::id).toList());
        assertThat(List.of(createTeam.status(), createRep.status(), updateRep.status(), absence.status())).containsOnly(403);
        assertThat(createRep.contentType()).startsWith("application/problem+json");
        assertThat(weightOf(org.huJun().id())).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"director", "manager", "rep", "finance"})
    void onlyAdminsManageUsersAndTokens(String role) {
        Login login = switch (role) {
            case "director" -> org.director();
            case "manager" -> org.manager();
            case "rep" -> org.rep();
            default -> org.finance();
        };

        ApiResponse users = api.as(login.token()).get("/api/users");
        ApiResponse tokens = api.as(login.token()).get("/api/tokens");
        ApiResponse issue = api.as(login.token()).post("/api/tokens", Map.of("userId", login.user().id(), "name", "mine"));
        ApiResponse unlock = api.as(login.token()).post("/api/users/" + login.user().id() + "/unlock", "");

        assertThat(List.of(users.status(), tokens.status(), issue.status(), unlock.status())).containsOnly(403);
        assertThat(users.contentType()).startsWith("application/problem+json");
        assertThat(api.as(org.admin().token()).get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void anonymousCallersAreAskedToAuthenticate() {
        ApiResponse anonymous = api.anonymous().get("/api/reps");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.tree().path("status").asInt()).isEqualTo(401);
    }

    private int weightOf(long repId) {
        return jdbc.sql("SELECT weight FROM rep WHERE id = :id").param("id", repId).query(Integer.class).single();
    }

    private long teamOf(long repId) {
        return jdbc.sql("SELECT team_id FROM rep WHERE id = :id").param("id", repId).query(Long.class).single();
    }

    private int repsWithEmail(String email) {
        return jdbc.sql("SELECT count(*) FROM rep WHERE lower(email) = lower(:email)").param("email", email).query(Integer.class).single();
    }
}
