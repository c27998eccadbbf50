package dev.fairlead.routing;

import static dev.fairlead.routing.RoutingFixtures.await;
import static dev.fairlead.routing.RoutingFixtures.inCity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.routing.domain.StateUpdate;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.routing.persistence.TurnRepository;
import dev.fairlead.support.IntegrationTest;
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
 * Live routing under concurrent load on one node (decision 0204): turns taken by compare-and-set
 * keep smooth weighted round robin exact, picks in flight spread least-loaded leads, and a cap lost
 * to a concurrent transaction is decided again with the turn given back.
 */
@IntegrationTest
class ConcurrentRoutingIT {

    private static final AtomicInteger PHONE = new AtomicInteger(20_000_000);
    /** As many clients as the test context has connections (TwoNodeRoutingIT runs 32 clients on two nodes). */
    private static final int CLIENTS = 8;

    @Autowired TeamService teams;
    @Autowired RepService reps;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;
    @Autowired RuleSetService ruleSets;
    @Autowired TurnRepository turns;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void concurrentClientsGetExactlyTheWeightedSharesOfASmoothWeightedRoundRobinRule() throws Exception {
        String city = "320100";
        Team team = team("南京加权组 Weighted");
        List<Rep> members = List.of(rep(team, "赵磊", 3, 1000, city), rep(team, "钱芳", 2, 1000, city), rep(team, "孙浩", 1, 1000, city));
        RoutingFixtures.activate(ruleSets, "Weighted under load " + team.id(),
                RoutingFixtures.teamRule("Nanjing by weight", team.id(), StrategyKind.WEIGHTED_ROUND_ROBIN, inCity(city)));

        List<Long> ids = concurrently(CLIENTS, 12, () -> lead("320000", city));

        assertThat(ids).hasSize(96).doesNotHaveDuplicates();
        // 96 leads are 16 whole cycles of total weight 6: exactly 48, 32 and 16, and the rule's weights back at zero.
        assertThat(owners(ids)).containsOnly(Map.entry(members.get(0).id(), 48L), Map.entry(members.get(1).id(), 32L),
                Map.entry(members.get(2).id(), 16L));
        assertThat(jdbc.sql("SELECT count(*) FROM routing_assignment WHERE lead_id = ANY(:ids) AND attempts = 1")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(96);
        assertThat(currentWeights(ruleKey("Nanjing by weight"))).containsOnlyKeys(members.stream().map(r -> String.valueOf(r.id())).toList())
                .allSatisfy((rep, weight) -> assertThat(weight).isZero());
    }

    @Test
    void aBurstOfConcurrentLeadsSpreadsOverEquallyLoadedRepsOfALeastLoadedRule() throws Exception {
        String city = "330200";
        Team team = team("宁波均衡组 Least loaded");
        List<Rep> members = new ArrayList<>();
        for (String name : List.of("周杰", "吴敏", "郑凯", "王丽")) {
            members.add(rep(team, name, 10, 1000, city));
        }
        RoutingFixtures.activate(ruleSets, "Least loaded under load " + team.id(),
                RoutingFixtures.teamRule("Ningbo least loaded", team.id(), StrategyKind.LEAST_LOADED, inCity(city)));

        List<Long> ids = concurrently(CLIENTS, 8, () -> lead("330000", city));

        Map<Long, Long> owned = owners(ids);
        assertThat(owned).containsOnlyKeys(members.stream().map(Rep::id).toList());
        // Each decision counts the picks still in flight on this node, so 64 leads from 8 clients end up 16 each, give or take
        // a lead counted both in flight and as committed for a moment; deciding on committed counters alone piles them up.
        assertThat(owned.values()).allSatisfy(n -> assertThat(n).isBetween(15L, 17L));
    }

    @Test
    void aCapTakenByAConcurrentTransactionMeansDecidingAgainAndGivingTheTurnBack() throws Exception {
        String city = "320500";
        Team team = team("苏州抢位组 Last place");
        Rep favourite = rep(team, "冯涛", 2, 1, city);
        Rep other = rep(team, "陈晨", 1, 1000, city);
        RoutingFixtures.activate(ruleSets, "Lost race " + team.id(),
                RoutingFixtures.teamRule("Suzhou by weight", team.id(), StrategyKind.WEIGHTED_ROUND_ROBIN, inCity(city)));
        // A lead nobody's rule matches goes to the pool; a manager is about to give it to the favourite, whose one
        // place today it takes, and has not committed yet.
        Lead pooled = leads.create(lead("320000", null));
        assertThat(pooled.ownerRepId()).isNull();
        CountDownLatch assignedUncommitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> manager = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            assertThat(ownership.assign(pooled.id(), favourite.id(), "manager's choice", true))
                    .isInstanceOf(LeadOwnership.Outcome.Assigned.class);
            assignedUncommitted.countDown();
            await(commit);
        }));
        await(assignedUncommitted);

        // The new lead's first decision, on committed counters, is the favourite (weight 2 of 3); its cap update waits
        // for the manager's transaction and, once that commits, finds the favourite full.
        Future<Lead> routed = threads.submit(() -> leads.create(lead("320000", city)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%rep_load%'")
                .query(Long.class).single() > 0);
        commit.countDown();
        manager.get(30, TimeUnit.SECONDS);
        Lead lead = routed.get(30, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(lead.ownerRepId()).isEqualTo(other.id());
        assertThat(jdbc.sql("SELECT attempts FROM routing_assignment WHERE lead_id = :id").param("id", lead.id())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT open_leads FROM rep_load WHERE rep_id = :rep").param("rep", favourite.id())
                .query(Integer.class).single()).isEqualTo(1);
        // The favourite's turn was given back: the weights are as if only the other rep had been picked (from zero: 0 + 1 - 1).
        String key = ruleKey("Suzhou by weight");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(currentWeights(key))
                .containsOnly(Map.entry(String.valueOf(favourite.id()), 0L), Map.entry(String.valueOf(other.id()), 0L)));
    }

    @Test
    void aTurnDecidedOnStateSomeoneElseHasMovedOnIsRefused() {
        String key = "turn-test-" + PHONE.incrementAndGet();
        var first = turns.take(key, 0, null, Map.of(), List.of(new StateUpdate.WeightsChanged(key, Map.of(1L, -1L, 2L, 1L))));
        var stale = turns.take(key, 0, null, Map.of(), List.of(new StateUpdate.WeightsChanged(key, Map.of(1L, -1L, 2L, 1L))));

        assertThat(first).isPresent();
        assertThat(first.get().version()).isEqualTo(1);
        assertThat(stale).isEmpty();
        assertThat(currentWeights(key)).containsOnly(Map.entry("1", -1L), Map.entry("2", 1L));
    }

    @Test
    void aTurnGivenBackAfterOtherTurnsSubtractsExactlyWhatItAdded() {
        String key = "turn-test-" + PHONE.incrementAndGet();
        // Weights 2 and 1: the first turn goes to rep 1 (2 - 3 = -1, 0 + 1 = 1), the second to rep 2 (-1 + 2 = 1, 1 + 1 - 3 = -1).
        TurnRepository.Turn first = turns.take(key, 0, null, Map.of(),
                List.of(new StateUpdate.WeightsChanged(key, Map.of(1L, -1L, 2L, 1L)))).orElseThrow();
        turns.take(key, 1, null, Map.of(1L, -1L, 2L, 1L), List.of(new StateUpdate.WeightsChanged(key, Map.of(1L, 1L, 2L, -1L))))
                .orElseThrow();

        turns.giveBack(first);

        // What remains is exactly the second turn's change: rep 1 +2, rep 2 -2.
        assertThat(currentWeights(key)).containsOnly(Map.entry("1", 2L), Map.entry("2", -2L));
    }

    @Test
    void aRoundRobinPointerIsGivenBackOnlyWhenNobodyMovedItSince() {
        String key = "turn-test-" + PHONE.incrementAndGet();
        TurnRepository.Turn first = turns.take(key, 0, null, Map.of(), List.of(new StateUpdate.PointerMoved(key, 7))).orElseThrow();
        turns.giveBack(first);
        assertThat(pointer(key)).isNull();

        TurnRepository.Turn again = turns.take(key, version(key), null, Map.of(), List.of(new StateUpdate.PointerMoved(key, 7)))
                .orElseThrow();
        turns.take(key, version(key), 7L, Map.of(), List.of(new StateUpdate.PointerMoved(key, 8))).orElseThrow();
        turns.giveBack(again);
        assertThat(pointer(key)).isEqualTo(8L);
    }

    private List<Long> concurrently(int clients, int leadsEach, java.util.function.Supplier<LeadCommand> lead) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> sent = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            sent.add(pool.submit(() -> {
                await(start);
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < leadsEach; i++) {
                    ids.add(leads.create(lead.get()).id());
                }
                return ids;
            }));
        }
        start.countDown();
        List<Long> ids = new ArrayList<>();
        for (Future<List<Long>> f : sent) {
            ids.addAll(f.get(3, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return ids;
    }

    private Map<String, Long> currentWeights(String key) {
        Map<String, Long> weights = new HashMap<>();
        jdbc.sql("SELECT w.key, w.value::bigint AS v FROM routing_rule_state s, jsonb_each_text(s.current_weights) w WHERE s.rule_key = :key")
                .param("key", key)
                .query(rs -> {
                    weights.put(rs.getString("key"), rs.getLong("v"));
                });
        return weights;
    }

    private Long pointer(String key) {
        Long[] pointer = {null};
        jdbc.sql("SELECT last_rep_id FROM routing_rule_state WHERE rule_key = :key").param("key", key)
                .query(rs -> {
                    pointer[0] = (Long) rs.getObject(1);
                });
        return pointer[0];
    }

    private long version(String key) {
        return jdbc.sql("SELECT version FROM routing_rule_state WHERE rule_key = :key").param("key", key).query(Long.class).single();
    }

    private static LeadCommand lead(String province, String city) {
        return new LeadCommand(dev.fairlead.leads.LeadSource.WEB_FORM, "并发客户 " + PHONE.incrementAndGet() + " 有限公司", "张伟", "采购经理",
                "139" + PHONE.incrementAndGet(), null, "manufacturing", dev.fairlead.leads.CompanySize.MEDIUM, province, city, null, "crm",
                new BigDecimal("50000"), List.of());
    }

    private Map<Long, Long> owners(List<Long> ids) {
        return RoutingFixtures.owners(jdbc, ids);
    }

    private String ruleKey(String ruleName) {
        return RoutingFixtures.activeRuleKey(jdbc, ruleName);
    }

    private Team team(String name) {
        return RoutingFixtures.team(teams, "并发测试 Concurrency #" + PHONE.incrementAndGet(), name);
    }

    private Rep rep(Team team, String name, int weight, int perDay, String city) {
        return RoutingFixtures.rep(reps, team, name, weight, perDay, city, "concurrent");
    }
}
