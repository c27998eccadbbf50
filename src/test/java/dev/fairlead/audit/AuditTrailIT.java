package dev.fairlead.audit;

import static dev.fairlead.support.OrgFixtures.email;
import static dev.fairlead.support.OrgFixtures.repJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fairlead.common.Viewer;
import dev.fairlead.org.Rep;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamCommand;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Org;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {

    @Autowired java.time.Clock clock;

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired TeamService teams;
    @Autowired TransactionTemplate transactions;

    Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void creatingATeamRecordsWhoAndWhat() {
        Team team = api.as(org.admin().token())
                .post("/api/teams", Map.of("name", "厦门组 Xiamen", "kind", "TEAM", "parentId", org.southChina().id())).as(Team.class);

        AuditEntry entry = single(entriesFor("team", team.id()));

        assertThat(entry.action()).isEqualTo("CREATE");
        assertThat(entry.actor()).isEqualTo(org.admin().username());
        assertThat(entry.before()).isNull();
        assertThat(entry.after()).containsEntry("name", "厦门组 Xiamen").containsEntry("kind", "TEAM");
        assertThat(entry.teamId()).isEqualTo(team.id());
    }

    @Test
    void changingARepRecordsBeforeAfterAndTheFieldsThatDiffer() {
        Rep rep = fixtures.rep(org.shenzhen(), "郭敏", email("guo.min"), OrgFixtures.shenzhenCity());
        Map<String, Object> change = repJson(org.shenzhen().id(), "郭敏", rep.email());
        change.put("weight", 25);
        change.put("tier", "KEY_ACCOUNT");

        assertThat(api.as(org.director().token()).put("/api/reps/" + rep.id(), change).status()).isEqualTo(200);

        List<AuditEntry> entries = entriesFor("rep", rep.id());
        assertThat(entries).extracting(AuditEntry::action).containsExactly("UPDATE", "CREATE");
        AuditEntry update = entries.get(0);
        assertThat(update.actor()).isEqualTo(org.director().username());
        assertThat(update.before()).containsEntry("weight", 10).containsEntry("tier", "REGULAR");
        assertThat(update.after()).containsEntry("weight", 25).containsEntry("tier", "KEY_ACCOUNT");
        assertThat(update.changes()).extracting(AuditEntry.FieldChange::field).contains("weight", "tier")
                .doesNotContain("version", "name");
        assertThat(update.repId()).isEqualTo(rep.id());
        assertThat(update.teamId()).isEqualTo(org.shenzhen().id());
    }

    @Test
    void recordsTheReasonGivenForAChange() {
        Team team = fixtures.team("温州组 Wenzhou", TeamKind.TEAM, org.eastChina());

        api.as(org.admin().token()).delete("/api/teams/" + team.id() + "?reason=" + URLEncoder.encode("并入杭州组", StandardCharsets.UTF_8));

        AuditEntry entry = entriesFor("team", team.id()).get(0);
        assertThat(entry.action()).isEqualTo("DEACTIVATE");
        assertThat(entry.reason()).isEqualTo("并入杭州组");
        assertThat(entry.before()).containsEntry("active", true);
        assertThat(entry.after()).containsEntry("active", false);
    }

    @Test
    void recordsAnAbsenceWithItsReason() {
        Rep rep = fixtures.rep(org.shanghai(), "杨帆", email("yang.fan"), OrgFixtures.shanghaiCity());

        api.as(org.manager().token()).post("/api/reps/" + rep.id() + "/absences",
                Map.of("startsOn", "2026-12-24", "endsOn", "2026-12-31", "reason", "年假 Annual leave"));

        AuditEntry entry = entriesFor("rep", rep.id()).get(0);
        assertThat(entry.action()).isEqualTo("ADD_ABSENCE");
        assertThat(entry.actor()).isEqualTo(org.manager().username());
        assertThat(entry.reason()).isEqualTo("年假 Annual leave");
    }

    @Test
    void aRejectedChangeLeavesNoEntry() {
        long before = entriesBy(org.admin().username());
        Map<String, Object> invalid = repJson(org.shanghai().id(), "坏数据", email("bad"));
        invalid.put("phone", "12345");
        Map<String, Object> stale = repJson(org.shanghai().id(), "王伟", org.wangWei().email());
        stale.put("version", org.wangWei().version() + 7);

        assertThat(api.as(org.admin().token()).post("/api/reps", invalid).status()).isEqualTo(400);
        assertThat(api.as(org.admin().token()).put("/api/reps/" + org.wangWei().id(), stale).status()).isEqualTo(409);
        assertThat(api.as(org.admin().token()).delete("/api/teams/" + org.shenzhen().id()).status()).isEqualTo(409);

        assertThat(entriesBy(org.admin().username())).isEqualTo(before);
    }

    @Test
    void theEntryIsWrittenInTheTransactionOfTheChange() {
        String name = "回滚组 Rolled back #" + org.n();

        transactions.executeWithoutResult(tx -> {
            teams.create(Viewer.system(), new TeamCommand(name, TeamKind.TEAM, org.southChina().id(), null));
            tx.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT count(*) FROM team WHERE name = :name").param("name", name).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE after ->> 'name' = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anEntryCannotBeWrittenOutsideATransaction() {
        Change change = Change.created("team", 1, 1L, null, Map.of("name", "outside"));

        assertThatThrownBy(() -> audit.record(change)).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theDatabaseRefusesToUpdateAnEntry() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'mallory'").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'mallory'").query(Long.class).single()).isZero();
    }

    @Test
    void theDatabaseRefusesToDeleteOrTruncateEntries() {
        long count = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isGreaterThanOrEqualTo(count).isPositive();
    }

    @Test
    void filtersByRecordActorActionAndTime() {
        Instant start = clock.instant();
        Team team = fixtures.team("东莞组 Dongguan", TeamKind.TEAM, org.southChina());
        api.as(org.director().token()).put("/api/teams/" + team.id(),
                Map.of("name", "东莞一组 Dongguan 1", "kind", "TEAM", "parentId", org.southChina().id()));
        Instant end = clock.instant().plusSeconds(1);

        AuditPage byEntity = search(org.admin().token(), "entityType=team&entityId=" + team.id());
        AuditPage byActor = search(org.admin().token(), "entityType=team&entityId=" + team.id() + "&actor=" + org.director().username().toUpperCase());
        AuditPage byAction = search(org.admin().token(), "entityId=" + team.id() + "&entityType=team&action=CREATE");
        AuditPage inWindow = search(org.admin().token(), "entityType=team&entityId=" + team.id() + "&from=" + start + "&to=" + end);
        AuditPage afterwards = search(org.admin().token(), "entityType=team&entityId=" + team.id() + "&from=" + end);

        assertThat(byEntity.total()).isEqualTo(2);
        assertThat(byEntity.items()).extracting(AuditEntry::action).containsExactly("UPDATE", "CREATE");
        assertThat(byActor.items()).extracting(AuditEntry::action).containsExactly("UPDATE");
        assertThat(byAction.items()).extracting(AuditEntry::actor).containsExactly("system");
        assertThat(inWindow.total()).isEqualTo(2);
        assertThat(afterwards.total()).isZero();
    }

    @Test
    void pagesNewestFirst() {
        Rep rep = fixtures.rep(org.shenzhen(), "梁爽", email("liang.shuang"), OrgFixtures.shenzhenCity());
        for (int i = 1; i <= 3; i++) {
            api.as(org.admin().token()).post("/api/reps/" + rep.id() + "/absences",
                    Map.of("startsOn", "2027-01-0" + i, "endsOn", "2027-01-0" + i, "reason", "day " + i));
        }

        AuditPage first = search(org.admin().token(), "entityType=rep&entityId=" + rep.id() + "&size=2");
        AuditPage second = search(org.admin().token(), "entityType=rep&entityId=" + rep.id() + "&size=2&page=1");

        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).extracting(AuditEntry::reason).containsExactly("day 3", "day 2");
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).extracting(AuditEntry::action).containsExactly("ADD_ABSENCE", "CREATE");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void aManagerSeesTheAuditOfTheirTeamOnly() {
        AuditPage own = search(org.manager().token(), "entityType=rep&entityId=" + org.wangWei().id());
        AuditPage subTeam = search(org.manager().token(), "entityType=rep&entityId=" + org.emilyChen().id());
        AuditPage other = search(org.manager().token(), "entityType=rep&entityId=" + org.huJun().id());
        AuditPage everything = search(org.manager().token(), "size=500");

        assertThat(own.total()).isPositive();
        assertThat(subTeam.total()).isPositive();
        assertThat(other.total()).isZero();
        assertThat(everything.items()).allSatisfy(e -> assertThat(
                List.of(org.shanghai().id(), org.shanghaiKeyAccounts().id()).contains(e.teamId())
                        || org.manager().username().equals(e.actor())).as(e.toString()).isTrue());
    }

    @Test
    void aRepSeesTheAuditOfTheirOwnRecordOnly() {
        AuditPage own = search(org.rep().token(), "entityType=rep&entityId=" + org.liNa().id());
        AuditPage colleague = search(org.rep().token(), "entityType=rep&entityId=" + org.wangWei().id());

        assertThat(own.total()).isPositive();
        assertThat(colleague.total()).isZero();
    }

    @Test
    void theDirectorSeesAllOfIt() {
        assertThat(search(org.director().token(), "entityType=rep&entityId=" + org.huJun().id()).total()).isPositive();
        assertThat(search(org.director().token(), "entityType=rep&entityId=" + org.liNa().id()).total()).isPositive();
    }

    @Test
    void theTrailHasNoWriteEndpoint() {
        Map<String, Object> forged = new HashMap<>();
        forged.put("actor", "mallory");

        ApiResponse post = api.as(org.admin().token()).post("/api/audit", forged);

        assertThat(post.status()).isIn(403, 404, 405);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'mallory'").query(Long.class).single()).isZero();
    }

    private List<AuditEntry> entriesFor(String type, long id) {
        return search(org.admin().token(), "entityType=" + type + "&entityId=" + id).items();
    }

    private AuditPage search(String token, String query) {
        ApiResponse response = api.as(token).get("/api/audit?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.as(AuditPage.class);
    }

    private long entriesBy(String actor) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :actor").param("actor", actor).query(Long.class).single();
    }

    private static AuditEntry single(List<AuditEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
