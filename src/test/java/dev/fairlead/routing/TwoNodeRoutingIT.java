package dev.fairlead.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.FairleadApplication;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepCommand;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamCommand;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.Tier;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.TestDatabase;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Fairlead nodes on one PostgreSQL database, 32 clients sending leads to both at once, reps
 * with small caps so that most races are for the last free places. Afterwards no lead may have
 * been assigned twice, no cap may have been passed, and every lead must be owned or pooled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeRoutingIT {

    private static final int CLIENTS = 32;
    private static final int LEADS_PER_CLIENT = 8;

    ConfigurableApplicationContext nodeA;
    ConfigurableApplicationContext nodeB;
    List<Rep> reps = new ArrayList<>();

    @BeforeAll
    void twoNodesAndATeamWithSmallCaps() {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        nodeA = start(db, "a");
        nodeB = start(db, "b");
        Viewer system = Viewer.system();
        TeamService teams = nodeA.getBean(TeamService.class);
        Team company = teams.create(system, new TeamCommand("并发科技 Concurrency Ltd", TeamKind.COMPANY, null, null));
        Team region = teams.create(system, new TeamCommand("华东大区", TeamKind.REGION, company.id(), null));
        Team team = teams.create(system, new TeamCommand("上海二组", TeamKind.TEAM, region.id(), null));
        RepService repService = nodeA.getBean(RepService.class);
        String[] names = {"李娜", "王伟", "张敏", "刘洋", "陈静", "杨帆"};
        for (int i = 0; i < names.length; i++) {
            reps.add(repService.create(system, new RepCommand(team.id(), names[i], OrgFixtures.email("node.rep" + i), "13812345678",
                    Tier.REGULAR, List.of("manufacturing"), List.of("crm"), List.of("zh"), 10 + i, 14, 9, 100,
                    EnumSet.allOf(DayOfWeek.class), LocalDate.of(2022, 1, 1), true, List.of(OrgFixtures.shanghaiCity()), null)));
        }
        RuleSetService ruleSets = nodeB.getBean(RuleSetService.class);
        RoutingFixtures.activate(ruleSets, "Two nodes",
                RoutingFixtures.teamRule("Shanghai by weight", team.id(), StrategyKind.WEIGHTED_ROUND_ROBIN,
                        new RuleCondition(LeadField.CITY, Operator.IN, List.of("310100"), null, null)),
                RoutingFixtures.teamRule("Shenzhen, least loaded", team.id(), StrategyKind.LEAST_LOADED,
                        new RuleCondition(LeadField.PROVINCE, Operator.EQUALS, List.of("440000"), null, null)),
                RoutingFixtures.repsRule("Others by points", reps.stream().map(Rep::id).toList(), StrategyKind.FAIRNESS_POINTS));
    }

    @AfterAll
    void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void thirtyTwoClientsOnTwoNodesNeverDoubleAssignNeverPassACapAndLeaveNoLeadBehind() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Long>>> sent = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            LeadService node = (client % 2 == 0 ? nodeA : nodeB).getBean(LeadService.class);
            sent.add(clients.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < LEADS_PER_CLIENT; i++) {
                    var lead = switch ((client + i) % 3) {
                        case 0 -> RoutingFixtures.shanghaiLead("并发客户 " + client + "-" + i);
                        case 1 -> RoutingFixtures.shenzhenLead("并发客户 " + client + "-" + i);
                        default -> RoutingFixtures.lead("并发客户 " + client + "-" + i, "330000", "330100", "retail", null);
                    };
                    ids.add(node.create(lead).id());
                }
                return ids;
            }));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<List<Long>> f : sent) {
            ids.addAll(f.get(3, TimeUnit.MINUTES));
        }
        clients.shutdown();
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);

        assertThat(ids).hasSize(CLIENTS * LEADS_PER_CLIENT).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM lead").query(Long.class).single()).isEqualTo(ids.size());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM lead l WHERE (SELECT count(*) FROM routing_assignment a WHERE a.lead_id = l.id) <> 1
                """).query(Long.class).single()).as("leads not routed exactly once").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM lead l WHERE (SELECT count(*) FROM audit_event e WHERE e.entity_type = 'lead'
                       AND e.entity_id = l.id::text AND e.action IN ('ASSIGN', 'REASSIGN', 'POOL')) <> 1
                """).query(Long.class).single()).as("leads that changed hands other than once").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM lead l JOIN routing_assignment a ON a.lead_id = l.id
                WHERE NOT ((a.outcome = 'ASSIGNED' AND l.owner_rep_id = a.rep_id)
                        OR (a.outcome = 'POOLED' AND l.owner_rep_id IS NULL))
                """).query(Long.class).single()).as("leads neither owned nor pooled as decided").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM rep r LEFT JOIN (SELECT owner_rep_id, count(*) AS n FROM lead GROUP BY owner_rep_id) o
                       ON o.owner_rep_id = r.id
                WHERE coalesce(o.n, 0) > least(r.max_open_leads, r.max_new_per_day)
                """).query(Long.class).single()).as("reps past a cap").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM rep_load l JOIN rep r ON r.id = l.rep_id
                WHERE l.open_leads > r.max_open_leads OR l.new_today > r.max_new_per_day
                   OR l.open_leads <> (SELECT count(*) FROM lead WHERE owner_rep_id = r.id)
                """).query(Long.class).single()).as("counters past a cap or out of step with the leads").isZero();
        long owned = jdbc.sql("SELECT count(*) FROM lead WHERE owner_rep_id IS NOT NULL").query(Long.class).single();
        assertThat(owned).as("every rep filled to the daily cap").isEqualTo(reps.size() * 9L);
    }

    private static ConfigurableApplicationContext start(TestDatabase.Coordinates db, String node) {
        return new SpringApplicationBuilder(FairleadApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("excludeTestConfigurations", new ExcludeTestConfigurations()))
                .run(
                        "--fairlead.embedded-db.enabled=false",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--spring.datasource.hikari.maximum-pool-size=20",
                        "--fairlead.demo-data.enabled=false",
                        "--fairlead.initial-admin-password=",
                        "--server.port=0",
                        "--server.shutdown=immediate",
                        "--spring.main.banner-mode=off",
                        "--logging.file.name=target/test-logs/fairlead-node-" + node + ".log");
    }

    /** Keeps the test classpath's configurations (such as the per-test database) out of the real application. */
    static final class ExcludeTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }
    }
}
