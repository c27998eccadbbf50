package dev.fairlead.org.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.User;
import dev.fairlead.org.UserService;
import dev.fairlead.org.ApiTokenService;
import dev.fairlead.org.TokenCommand;
import dev.fairlead.support.Api;
import dev.fairlead.support.FreshDatabaseConfiguration;
import dev.fairlead.support.TestClockConfiguration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"fairlead.demo-data.enabled=true",
        "fairlead.embedded-db.enabled=false", "logging.file.name=target/test-logs/fairlead-demo.log", "server.shutdown=immediate",
        // a working morning in Shanghai, whatever hour the build runs at (DemoOnAnyDayIT loads it off hours)
        "fairlead.test.clock.start=2026-12-08T10:30:00+08:00"})
@Import({FreshDatabaseConfiguration.class, TestClockConfiguration.class, Api.class})
class DemoDataIT {

    private static final Viewer SYSTEM = Viewer.system();

    @Autowired TeamService teams;
    @Autowired RepService reps;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;
    @Autowired Clock clock;
    @Autowired ApplicationContext context;
    @Autowired ApiTokenService tokens;
    @Autowired Api api;

    @Test
    void loadsACompanyWithTwoRegionsAndFourTeams() {
        Map<TeamKind, Long> byKind = teams.list(SYSTEM, true).stream()
                .collect(Collectors.groupingBy(Team::kind, Collectors.counting()));

        assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of(TeamKind.COMPANY, 1L, TeamKind.REGION, 2L, TeamKind.TEAM, 4L));
        assertThat(teams.list(SYSTEM, false)).extracting(Team::name)
                .contains("华东大区 East China", "华南大区 South China", "上海一组 Shanghai 1", "深圳组 Shenzhen");
    }

    @Test
    void loadsThirtyRepsWithRealTerritoriesAndCapacity() {
        List<Rep> all = reps.list(SYSTEM, RepQuery.all());

        assertThat(all).hasSize(30);
        assertThat(all).allSatisfy(rep -> {
            assertThat(rep.territories()).isNotEmpty();
            assertThat(rep.maxNewPerDay()).isPositive().isLessThanOrEqualTo(rep.maxNewPerMonth());
            assertThat(rep.workingDays()).isNotEmpty();
            assertThat(rep.phone()).matches("1[3-9]\\d{9}");
        });
        assertThat(all).flatExtracting(Rep::territories).extracting(t -> t.code())
                .contains("310100", "330100", "440300", "440100", "518");
        assertThat(all).extracting(Rep::name).contains("李娜", "Emily Chen", "Grace Lin");
    }

    @Test
    void createsOneLoginPerRoleWithTheDemoPassword() {
        List<User> logins = users.list(SYSTEM);

        assertThat(logins).extracting(User::username)
                .containsExactlyInAnyOrder("admin", "director", "manager", "manager.south", "rep", "finance");
        assertThat(logins).extracting(User::role).contains(Role.values());
        assertThat(logins).allSatisfy(u -> assertThat(passwords.matches(DemoData.PASSWORD, passwordHash(u.id())))
                .as(u.username()).isTrue());
    }

    @Test
    void oneRepIsOutOfOfficeToday() {
        LocalDate today = LocalDate.now(clock);

        assertThat(reps.list(SYSTEM, RepQuery.all())).filteredOn(rep -> rep.outOfOfficeOn(today)).hasSize(1);
    }

    @Test
    void loadingAgainAddsNothing() {
        Map<String, Long> before = counts();

        context.getBeansOfType(ApplicationRunner.class).values().forEach(runner -> {
            try {
                runner.run(new DefaultApplicationArguments());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theDemoIsAuditedLikeRealData() {
        Map<String, Long> created = jdbc.sql("SELECT entity_type, count(*) AS n FROM audit_event WHERE action = 'CREATE' GROUP BY entity_type")
                .query((rs, n) -> Map.entry(rs.getString("entity_type"), rs.getLong("n")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(created).containsEntry("team", 7L).containsEntry("rep", 30L).containsEntry("user", 6L);
    }

    @Test
    void aWorkingDayOfLeadsIsRoutedFollowedUpAndPooled() {
        long open = count("SELECT count(*) FROM lead WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED')");
        assertThat(open).isGreaterThan(150);
        assertThat(count("SELECT count(*) FROM lead WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED') AND owner_rep_id IS NULL AND pool_id IS NULL"))
                .as("every open lead is owned or in a pool").isZero();
        assertThat(count("SELECT count(*) FROM lead WHERE status IN ('CONVERTED', 'LOST')")).isGreaterThanOrEqualTo(50);
        assertThat(count("SELECT count(*) FROM lead_merge")).isPositive();
        assertThat(count("SELECT count(*) FROM lead WHERE duplicate_of IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM follow_up")).isPositive();
        assertThat(count("SELECT count(*) FROM follow_up WHERE deal_id IS NOT NULL")).as("follow-ups on deals").isPositive();
        assertThat(count("SELECT count(*) FROM follow_up WHERE lead_id IS NULL AND customer_id IS NOT NULL")).as("on customers").isPositive();
        assertThat(count("SELECT count(*) FROM task WHERE deal_id IS NOT NULL")).as("tasks on deals").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM task WHERE due_at < :now AND status = 'OPEN'").param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single()).as("overdue tasks").isPositive();
        assertThat(count("SELECT count(*) FROM lead WHERE pool_id IS NOT NULL AND owner_rep_id IS NULL")).as("leads in the pools").isPositive();
        assertThat(count("SELECT count(*) FROM pool")).isEqualTo(3);
        assertThat(count("SELECT count(DISTINCT owner_rep_id) FROM lead WHERE owner_rep_id IS NOT NULL")).as("reps with leads").isGreaterThan(20);
        assertThat(jdbc.sql("SELECT sufficient FROM scoring_model ORDER BY id DESC LIMIT 1").query(Boolean.class).single())
                .as("the predictive model learned from the closed history").isTrue();
    }

    @Test
    void theDemoRepIsScoredByAnActiveSchemeFromHerFirstMinute() {
        User rep = users.list(SYSTEM).stream().filter(u -> u.username().equals("rep")).findFirst().orElseThrow();
        String token = tokens.issue(SYSTEM, new TokenCommand(rep.id(), "demo scorecard", null)).secret();
        var card = api.as(token).get("/api/performance/scorecards/mine").tree().path("scorecard");
        assertThat(card.path("schemeName").asString()).contains("Monthly sales scorecard");
        assertThat(card.path("card").path("dimensions").size()).as("revenue, visits, follow-ups, SLA and tasks").isEqualTo(5);
        assertThat(card.path("card").path("total").asDouble()).as("her demo work scores").isPositive();
        assertThat(count("SELECT count(*) FROM kpi_scheme WHERE status = 'DRAFT'")).as("a draft to simulate").isEqualTo(1);
    }

    @Test
    void theMainPagesRenderOnTheDemoForEachRole() {
        for (String username : List.of("director", "manager", "rep")) {
            User user = users.list(SYSTEM).stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
            String token = tokens.issue(SYSTEM, new TokenCommand(user.id(), "demo pages", null)).secret();
            List<String> pages = user.role() == Role.REP ? List.of("/", "/leads", "/tasks", "/pool", "/deals", "/goals")
                    : List.of("/", "/leads", "/tasks", "/pool", "/deals", "/goals", "/routing/rule-sets", "/scoring", "/sla", "/routing/ledger");
            for (String page : pages) {
                assertThat(api.as(token).get(page).status()).as(username + " " + page).isEqualTo(200);
            }
            long lead = jdbc.sql("""
                            SELECT min(id) FROM lead WHERE CASE :role WHEN 'REP' THEN owner_rep_id = :rep
                                WHEN 'MANAGER' THEN owner_team_id IN (SELECT team_subtree(:team)) ELSE true END""")
                    .param("role", user.role().name()).param("rep", user.repId() == null ? -1 : user.repId())
                    .param("team", user.teamId() == null ? -1 : user.teamId()).query(Long.class).single();
            assertThat(api.as(token).get("/leads/" + lead).status()).as(username + " lead page").isEqualTo(200);
            if (user.role() == Role.DIRECTOR) {
                long deal = count("SELECT min(deal_id) FROM follow_up WHERE deal_id IS NOT NULL");
                long customer = count("SELECT min(customer_id) FROM follow_up WHERE customer_id IS NOT NULL");
                assertThat(api.as(token).get("/deals/" + deal).body()).as("deal page").contains("id=\"work-deal-follow-ups\"");
                assertThat(api.as(token).get("/work/deals/" + deal + "/follow-ups").body()).as("its follow-ups").contains("方案评审会");
                assertThat(api.as(token).get("/customers/" + customer).body()).as("customer page").contains("id=\"work-customer-follow-ups\"");
                assertThat(api.as(token).get("/work/customers/" + customer + "/follow-ups").body()).as("its follow-ups").contains("开票信息");
            }
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Map<String, Long> counts() {
        return List.of("team", "rep", "rep_absence", "app_user", "audit_event", "lead", "follow_up", "task", "pool", "routing_rule_set").stream()
                .collect(Collectors.toMap(Function.identity(),
                        table -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()));
    }

    private String passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", userId).query(String.class).single();
    }
}
