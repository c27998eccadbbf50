package dev.fairlead.routing;

import static dev.fairlead.routing.RoutingFixtures.await;
import static dev.fairlead.routing.RoutingFixtures.inCity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.BatchOutcome;
import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chunk of an import routed set-based ({@link ChunkRouter}, decision 0209) against the same leads
 * routed one at a time: two identical worlds (teams, reps, rules; one city each) in one rule set,
 * one world fed a chunk through {@link LeadService#intakeAll}, the other the same leads one by one.
 */
@IntegrationTest
class ChunkRoutingIT {

    private static final AtomicInteger SEQ = new AtomicInteger(30_000_000);
    private static final int LEADS = 40;

    @Autowired TeamService teams;
    @Autowired RepService reps;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;
    @Autowired RuleSetService ruleSets;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MeterRegistry meters;

    /** One world: four teams behind four rules (least loaded, weighted round robin, round robin, fairness points), then the pool. */
    private record World(String city, List<Rep> reps, List<RuleDefinition> rules) {}

    @Test
    void aChunkRoutedSetBasedEndsExactlyAsTheSameLeadsRoutedOneAtATime() {
        World chunked = world("一批", "330100");
        World oneByOne = world("逐个", "320200");
        List<RuleDefinition> rules = new ArrayList<>(chunked.rules());
        rules.addAll(oneByOne.rules());
        RoutingFixtures.activate(ruleSets, "Chunk against one by one " + SEQ.incrementAndGet(), rules.toArray(RuleDefinition[]::new));

        List<BatchOutcome> outcomes = leads.intakeAll(dev.fairlead.common.Viewer.system(), commands(chunked.city()), null, "import:test");
        List<Long> chunkIds = outcomes.stream().map(BatchOutcome::leadId).toList();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.kind()).isEqualTo(BatchOutcome.Kind.CREATED));
        List<Long> singleIds = new ArrayList<>();
        for (LeadCommand c : commands(oneByOne.city())) {
            singleIds.add(leads.intake(dev.fairlead.common.Viewer.system(), c, null, "api").lead().id());
        }

        // Same owner (by the rep's place in its world) or the same pool, lead by lead; caps were reached mid-chunk,
        // so later leads fell through to the next rules and the last ones to the pool.
        List<String> chunkPlaces = places(chunkIds, chunked);
        assertThat(chunkPlaces).isEqualTo(places(singleIds, oneByOne));
        assertThat(chunkPlaces).contains("rep 0", "rep 2", "rep 4", "rep 6", "pool");
        assertThat(chunkPlaces.subList(LEADS - 3, LEADS)).containsOnly("pool");
        // The same counters, ledger balances and rule state.
        assertThat(counters(chunked)).isEqualTo(counters(oneByOne));
        assertThat(balances(chunked)).isEqualTo(balances(oneByOne));
        assertThat(ruleStates(chunked)).isEqualTo(ruleStates(oneByOne));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM rep_load l JOIN rep r ON r.id = l.rep_id
                        WHERE l.rep_id = ANY(:reps) AND (l.open_leads > r.max_open_leads OR l.new_today > r.max_new_per_day)
                        """)
                .param("reps", ids(chunked.reps())).query(Long.class).single()).isZero();
        // One explanation per lead (with its rule traces), saying why in the same words; one move per lead; one audit entry per change of hands.
        assertThat(explanations(chunkIds)).isEqualTo(explanations(singleIds));
        assertThat(moves(chunkIds, chunked)).isEqualTo(moves(singleIds, oneByOne));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'lead' AND action IN ('ASSIGN', 'POOL') AND entity_id = ANY(:ids)")
                .param("ids", chunkIds.stream().map(String::valueOf).toArray(String[]::new)).query(Long.class).single())
                .isEqualTo(LEADS);
        // SLA timers started (after commit) for every assigned lead, due as long after the assignment as one by one.
        long assigned = chunkPlaces.stream().filter(p -> !p.equals("pool")).count();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(timers(chunkIds, chunked)).hasSize((int) assigned);
            assertThat(timers(chunkIds, chunked)).isEqualTo(timers(singleIds, oneByOne));
        });
    }

    @Test
    void theLeadsOfARepWhoseLastPlacesAnotherTransactionTookAreDecidedAgainOnFreshCounters() throws Exception {
        String city = "330300";
        Team team = team("温州抢位组 Chunk race");
        Rep full = rep(team, "冯涛", 1, 2, city);
        Rep other = rep(team, "陈晨", 1, 1000, city);
        RoutingFixtures.activate(ruleSets, "Chunk race " + team.id(),
                RoutingFixtures.teamRule("Wenzhou by weight " + team.id(), team.id(), StrategyKind.WEIGHTED_ROUND_ROBIN, inCity(city)));
        Lead pooled = leads.create(lead("330000", null));
        assertThat(pooled.ownerRepId()).isNull();
        double before = meters.counter("fairlead.routing.chunk.decided.again").count();

        // A manager gives a pooled lead to the first rep (one of the rep's two places today) and has not committed yet;
        // the chunk, deciding on committed counters, gives that rep two of its four leads and waits for the counter row.
        CountDownLatch assignedUncommitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> manager = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            assertThat(ownership.assign(pooled.id(), full.id(), "manager's choice", true)).isInstanceOf(LeadOwnership.Outcome.Assigned.class);
            assignedUncommitted.countDown();
            await(commit);
        }));
        await(assignedUncommitted);
        Future<List<BatchOutcome>> chunk = threads.submit(() -> leads.intakeAll(dev.fairlead.common.Viewer.system(), 
                List.of(lead("330000", city), lead("330000", city), lead("330000", city), lead("330000", city)), null, "import:test"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%rep_load%'")
                .query(Long.class).single() > 0);
        commit.countDown();
        manager.get(30, TimeUnit.SECONDS);
        List<Long> ids = chunk.get(30, TimeUnit.SECONDS).stream().map(BatchOutcome::leadId).toList();
        threads.shutdown();

        // The refused take counted nothing; the two leads were decided again: one still fits the first rep, one goes on.
        Map<Long, Long> owners = owners(ids);
        assertThat(owners).containsOnly(Map.entry(full.id(), 1L), Map.entry(other.id(), 3L));
        assertThat(jdbc.sql("SELECT new_today FROM rep_load WHERE rep_id = :rep").param("rep", full.id()).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT new_today FROM rep_load WHERE rep_id = :rep").param("rep", other.id()).query(Integer.class).single())
                .isEqualTo(3);
        assertThat(meters.counter("fairlead.routing.chunk.decided.again").count() - before).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(DISTINCT lead_id) FROM routing_assignment WHERE lead_id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM lead_move WHERE lead_id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(4);
    }

    private World world(String prefix, String city) {
        List<Rep> members = new ArrayList<>();
        List<RuleDefinition> rules = new ArrayList<>();
        // Least loaded: 2 places a day each; weighted round robin (3 : 1): 4 and 2; round robin: 2 each; fairness points: 3 each.
        Team leastLoaded = team(prefix + "均衡组");
        members.add(rep(leastLoaded, "周杰", 1, 2, city));
        members.add(rep(leastLoaded, "吴敏", 1, 2, city));
        Team weighted = team(prefix + "加权组");
        members.add(rep(weighted, "赵磊", 3, 4, city));
        members.add(rep(weighted, "孙浩", 1, 2, city));
        Team roundRobin = team(prefix + "轮转组");
        members.add(rep(roundRobin, "郑凯", 1, 2, city));
        members.add(rep(roundRobin, "王丽", 1, 2, city));
        Team fairness = team(prefix + "积分组");
        members.add(rep(fairness, "钱芳", 1, 3, city));
        members.add(rep(fairness, "李娜", 1, 3, city));
        members.add(rep(fairness, "黄磊", 1, 3, city));
        // Large budgets go to the least-loaded team first; everyone falls through to the next team once it is full.
        rules.add(RoutingFixtures.teamRule(prefix + " least loaded", leastLoaded.id(), StrategyKind.LEAST_LOADED, inCity(city),
                new RuleCondition(LeadField.BUDGET, Operator.RANGE, List.of(), 50000.0, null)));
        rules.add(RoutingFixtures.teamRule(prefix + " weighted", weighted.id(), StrategyKind.WEIGHTED_ROUND_ROBIN, inCity(city)));
        rules.add(RoutingFixtures.teamRule(prefix + " round robin", roundRobin.id(), StrategyKind.ROUND_ROBIN, inCity(city)));
        rules.add(RoutingFixtures.teamRule(prefix + " fairness", fairness.id(), StrategyKind.FAIRNESS_POINTS, inCity(city)));
        return new World(city, members, rules);
    }

    private static List<LeadCommand> commands(String city) {
        List<LeadCommand> commands = new ArrayList<>();
        String[] industries = {"manufacturing", "retail", "software", "finance"};
        for (int i = 0; i < LEADS; i++) {
            commands.add(new LeadCommand(LeadSource.WEB_FORM, "批量客户 " + SEQ.incrementAndGet() + " 有限公司", "张伟", "采购经理",
                    "137" + SEQ.incrementAndGet(), null, industries[i % 4], i % 3 == 0 ? CompanySize.LARGE : CompanySize.SMALL,
                    city.substring(0, 2) + "0000", city, null, "crm", new BigDecimal(20_000 + 7_000 * (i % 9)), List.of()));
        }
        return commands;
    }

    /** Where each lead went: "rep i" by the rep's place in its world, or "pool". */
    private List<String> places(List<Long> ids, World world) {
        Map<Long, Integer> place = places(world);
        Map<Long, String> where = new HashMap<>();
        jdbc.sql("SELECT id, owner_rep_id, pool_id FROM lead WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    Long owner = (Long) rs.getObject("owner_rep_id");
                    where.put(rs.getLong("id"), owner != null ? "rep " + place.get(owner)
                            : rs.getObject("pool_id") != null ? "pool" : "nowhere");
                });
        return ids.stream().map(where::get).toList();
    }

    private static Map<Long, Integer> places(World world) {
        Map<Long, Integer> place = new HashMap<>();
        for (int i = 0; i < world.reps().size(); i++) {
            place.put(world.reps().get(i).id(), i);
        }
        return place;
    }

    private List<String> counters(World world) {
        List<String> counters = new ArrayList<>();
        for (Rep rep : world.reps()) {
            counters.add(jdbc.sql("SELECT coalesce((SELECT open_leads || '/' || new_today || '/' || new_this_month FROM rep_load WHERE rep_id = :rep), 'none')")
                    .param("rep", rep.id()).query(String.class).single());
        }
        return counters;
    }

    private List<String> balances(World world) {
        List<String> balances = new ArrayList<>();
        for (Rep rep : world.reps()) {
            balances.add(String.join(",", jdbc.sql("""
                            SELECT period_kind || ':' || points || ':' || expected_value || ':' || leads FROM routing_points_balance
                            WHERE rep_id = :rep ORDER BY period_kind, period_start
                            """).param("rep", rep.id()).query(String.class).list()));
        }
        return balances;
    }

    /** Each rule's pointer (as a place) and weights (by place). */
    private List<String> ruleStates(World world) {
        Map<Long, Integer> place = places(world);
        List<String> states = new ArrayList<>();
        for (RuleDefinition rule : world.rules()) {
            String key = ruleKey(rule.name());
            List<String> state = new ArrayList<>();
            jdbc.sql("SELECT last_rep_id, current_weights::text AS w FROM routing_rule_state WHERE rule_key = :key").param("key", key)
                    .query(rs -> {
                        Long last = (Long) rs.getObject("last_rep_id");
                        state.add("last " + (last == null ? null : place.get(last)));
                    });
            jdbc.sql("SELECT w.key, w.value FROM routing_rule_state s, jsonb_each_text(s.current_weights) w WHERE s.rule_key = :key ORDER BY 1")
                    .param("key", key)
                    .query(rs -> {
                        state.add(place.get(Long.parseLong(rs.getString("key"))) + "=" + rs.getString("value"));
                    });
            states.add(String.join(" ", state.stream().sorted().toList()));
        }
        return states;
    }

    private List<String> explanations(List<Long> ids) {
        Map<Long, String> why = new HashMap<>();
        jdbc.sql("""
                        SELECT lead_id, outcome || ' ' || attempts || ' ' || (explanation -> 'why' ->> 'code') || ' '
                               || CASE WHEN explanation -> 'why' ->> 'code' = 'roundRobinNext' THEN 'after the last rep'
                                       ELSE (explanation -> 'why' -> 'args')::text END
                               || ' traced ' || (json_array_length(explanation -> 'rules') > 0) AS why
                        FROM routing_assignment WHERE lead_id = ANY(:ids)
                        """)
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    assertThat(why.put(rs.getLong("lead_id"), rs.getString("why"))).as("one explanation per lead").isNull();
                });
        return ids.stream().map(id -> why.getOrDefault(id, "none")).toList();
    }

    private List<String> moves(List<Long> ids, World world) {
        Map<Long, Integer> place = places(world);
        Map<Long, List<String>> moves = new HashMap<>();
        jdbc.sql("SELECT lead_id, cause, to_rep_id, to_pool_id FROM lead_move WHERE lead_id = ANY(:ids) ORDER BY id")
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    Long to = (Long) rs.getObject("to_rep_id");
                    moves.computeIfAbsent(rs.getLong("lead_id"), k -> new ArrayList<>()).add(rs.getString("cause") + " "
                            + (to == null ? "pool " + (rs.getObject("to_pool_id") != null) : "rep " + place.get(to)));
                });
        return ids.stream().map(id -> String.valueOf(moves.get(id))).toList();
    }

    private List<String> timers(List<Long> ids, World world) {
        Map<Long, Integer> place = places(world);
        List<String> timers = new ArrayList<>();
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        jdbc.sql("""
                        SELECT lead_id, rep_id, status, (due_at - assigned_at)::text AS due, (remind_at - assigned_at)::text AS remind
                        FROM sla_timer WHERE lead_id = ANY(:ids) ORDER BY lead_id
                        """)
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    timers.add(order.get(rs.getLong("lead_id")) + " rep " + place.get(rs.getLong("rep_id")) + " " + rs.getString("status")
                            + " due after " + rs.getString("due") + " reminded after " + rs.getString("remind"));
                });
        return timers;
    }

    private static Long[] ids(List<Rep> reps) {
        return reps.stream().map(Rep::id).toArray(Long[]::new);
    }

    private static LeadCommand lead(String province, String city) {
        return new LeadCommand(LeadSource.WEB_FORM, "分批客户 " + SEQ.incrementAndGet() + " 有限公司", "张伟", "采购经理",
                "139" + SEQ.incrementAndGet(), null, "manufacturing", CompanySize.MEDIUM, province, city, null, "crm",
                new BigDecimal("50000"), List.of());
    }

    private Map<Long, Long> owners(List<Long> ids) {
        return RoutingFixtures.owners(jdbc, ids);
    }

    private String ruleKey(String ruleName) {
        return RoutingFixtures.activeRuleKey(jdbc, ruleName);
    }

    private Team team(String name) {
        return RoutingFixtures.team(teams, "分批测试 Chunk #" + SEQ.incrementAndGet(), (name + " " + SEQ.incrementAndGet()));
    }

    private Rep rep(Team team, String name, int weight, int perDay, String city) {
        return RoutingFixtures.rep(reps, team, name, weight, perDay, city, "chunk");
    }
}
