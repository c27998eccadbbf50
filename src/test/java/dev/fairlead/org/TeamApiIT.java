package dev.fairlead.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Org;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamApiIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;

    Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void adminCreatesATeamUnderARegion() {
        ApiResponse created = api.as(org.admin().token()).post("/api/teams", team("杭州组 Hangzhou", "TEAM", org.eastChina().id()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Team team = created.as(Team.class);
        assertThat(team.name()).isEqualTo("杭州组 Hangzhou");
        assertThat(team.kind()).isEqualTo(TeamKind.TEAM);
        assertThat(team.parentId()).isEqualTo(org.eastChina().id());
        assertThat(team.parentName()).isEqualTo("华东大区 East China");
        assertThat(team.active()).isTrue();

        ApiResponse read = api.as(org.admin().token()).get("/api/teams/" + team.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.as(Team.class)).isEqualTo(team);
    }

    @Test
    void listsTheHierarchyOfTheCompany() {
        ApiResponse list = api.as(org.director().token()).get("/api/teams");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.asListOf(Team.class)).extracting(Team::id).contains(
                org.company().id(), org.eastChina().id(), org.southChina().id(), org.shanghai().id(),
                org.shanghaiKeyAccounts().id(), org.shenzhen().id());
    }

    @Test
    void renamesATeamWhenTheVersionIsCurrent() {
        Team team = fixtures.team("苏州组 Suzhou", TeamKind.TEAM, org.eastChina());

        ApiResponse renamed = api.as(org.admin().token())
                .put("/api/teams/" + team.id(), team("苏州一组 Suzhou 1", "TEAM", org.eastChina().id(), team.version()));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.as(Team.class).name()).isEqualTo("苏州一组 Suzhou 1");
        assertThat(renamed.as(Team.class).version()).isEqualTo(team.version() + 1);
    }

    @Test
    void refusesAChangeBasedOnAStaleVersion() {
        Team team = fixtures.team("南京组 Nanjing", TeamKind.TEAM, org.eastChina());
        api.as(org.admin().token()).put("/api/teams/" + team.id(), team("南京一组 Nanjing 1", "TEAM", org.eastChina().id(), team.version()));

        ApiResponse stale = api.as(org.director().token())
                .put("/api/teams/" + team.id(), team("南京二组 Nanjing 2", "TEAM", org.eastChina().id(), team.version()));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.tree().path("code").asString()).isEqualTo("stale");
        assertThat(teamName(team.id())).isEqualTo("南京一组 Nanjing 1");
    }

    @Test
    void aRegionCannotSitUnderATeam() {
        ApiResponse refused = api.as(org.admin().token()).post("/api/teams", team("华西大区 West China", "REGION", org.shanghai().id()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("parentId");
        assertThat(refused.errorMessage("parentId")).isEqualTo("A REGION cannot sit under a TEAM");
    }

    @Test
    void aTeamCannotBecomeItsOwnAncestor() {
        Team team = org.shanghai();

        ApiResponse refused = api.as(org.admin().token())
                .put("/api/teams/" + team.id(), team(team.name(), "TEAM", org.shanghaiKeyAccounts().id()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("parentId");
        assertThat(teamParent(team.id())).isEqualTo(org.eastChina().id());
    }

    @Test
    void rejectsATeamWithoutNameOrKindNamingBothFields() {
        Map<String, Object> body = new HashMap<>();
        body.put("parentId", org.eastChina().id());

        ApiResponse refused = api.as(org.admin().token()).post("/api/teams", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.tree().path("title").asString()).isEqualTo("Invalid input");
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("kind", "name");
        assertThat(refused.errorMessage("name")).isEqualTo("is required");
    }

    @Test
    void rejectsASecondTeamWithTheSameNameUnderTheSameParent() {
        ApiResponse refused = api.as(org.admin().token()).post("/api/teams", team("深圳组 shenzhen", "TEAM", org.southChina().id()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("name");
    }

    @Test
    void explainsInChineseWhenAskedInChinese() {
        ApiResponse refused = api.as(org.admin().token()).language("zh-CN")
                .post("/api/teams", team("", "REGION", org.shanghai().id()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.tree().path("title").asString()).isEqualTo("输入有误");
        assertThat(refused.tree().path("detail").asString()).isEqualTo("部分字段需要修改，未保存任何内容。");
        assertThat(refused.errorMessage("name")).isEqualTo("不能为空");
    }

    @Test
    void deactivatesAnEmptyTeamAndKeepsItAsInactive() {
        Team team = fixtures.team("宁波组 Ningbo", TeamKind.TEAM, org.eastChina());

        ApiResponse deactivated = api.as(org.admin().token()).delete("/api/teams/" + team.id() + "?reason=merged%20into%20Hangzhou");

        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.as(Team.class).active()).isFalse();
        assertThat(api.as(org.admin().token()).get("/api/teams").asListOf(Team.class)).extracting(Team::id).doesNotContain(team.id());
        assertThat(api.as(org.admin().token()).get("/api/teams?includeInactive=true").asListOf(Team.class))
                .extracting(Team::id).contains(team.id());
    }

    @Test
    void refusesToDeactivateATeamWithActiveReps() {
        ApiResponse refused = api.as(org.admin().token()).delete("/api/teams/" + org.shenzhen().id());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.tree().path("code").asString()).isEqualTo("team.notEmpty");
        assertThat(api.as(org.admin().token()).get("/api/teams/" + org.shenzhen().id()).as(Team.class).active()).isTrue();
    }

    @Test
    void unknownTeamIsNotFound() {
        ApiResponse missing = api.as(org.admin().token()).get("/api/teams/987654321");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    private String teamName(long id) {
        return jdbc.sql("SELECT name FROM team WHERE id = :id").param("id", id).query(String.class).single();
    }

    private Long teamParent(long id) {
        return jdbc.sql("SELECT parent_id FROM team WHERE id = :id").param("id", id).query(Long.class).single();
    }

    static Map<String, Object> team(String name, String kind, Long parentId) {
        return team(name, kind, parentId, null);
    }

    static Map<String, Object> team(String name, String kind, Long parentId, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        body.put("version", version);
        return body;
    }
}
