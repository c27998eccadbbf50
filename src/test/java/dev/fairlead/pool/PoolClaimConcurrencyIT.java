package dev.fairlead.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.org.Rep;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamKind;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@WorkflowIntegrationTest
class PoolClaimConcurrencyIT {

    @Autowired OrgFixtures org;
    @Autowired WorkLeadFixtures leads;
    @Autowired PoolService pools;
    @Autowired PoolClaims claims;
    @Autowired LeadOwnership ownership;
    @Autowired JdbcClient jdbc;

    @Test
    void twentyRepsClaimingTheSameLeadAtOnceLeaveItWithExactlyOneOfThem() throws Exception {
        List<Rep> reps = team(20);
        Pool pool = pool(reps.get(0).teamId(), 10);
        Lead lead = leads.inPool(pool.id());

        List<ClaimResult> results = allAtOnce(reps, rep -> claims.claim(WorkLeadFixtures.repViewer(rep), lead.id()));

        List<ClaimResult> won = results.stream().filter(r -> r instanceof ClaimResult.Claimed).toList();
        assertThat(won).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof ClaimResult.Refused refused && refused.reason() == ClaimResult.Reason.TAKEN)
                .hasSize(19);
        long winner = ((ClaimResult.Claimed) won.get(0)).repId();
        assertThat(leads.get(lead.id()).ownerRepId()).isEqualTo(winner);
        assertThat(claimMoves(lead.id())).isEqualTo(1);
        assertThat(ownership.loads(reps.stream().map(Rep::id).toList()).values().stream().mapToInt(l -> l.openLeads()).sum())
                .isEqualTo(1);
    }

    @Test
    void twentyRepsClaimingFromAPoolOfAHundredStayWithinTheirLimitAndNoLeadIsClaimedTwice() throws Exception {
        List<Rep> reps = team(20);
        int perDay = 5;
        Pool pool = pool(reps.get(0).teamId(), perDay);
        List<Long> leadIds = IntStream.range(0, 100).mapToObj(i -> leads.inPool(pool.id()).id()).toList();

        List<List<Long>> claimedPerRep = allAtOnce(reps, rep -> claimUntilRefused(WorkLeadFixtures.repViewer(rep), leadIds));

        assertThat(claimedPerRep).allSatisfy(claimed -> assertThat(claimed).hasSizeLessThanOrEqualTo(perDay));
        List<Long> allClaimed = claimedPerRep.stream().flatMap(List::stream).toList();
        assertThat(allClaimed).doesNotHaveDuplicates().hasSize(100);
        Map<Long, Long> owners = leadIds.stream().collect(Collectors.toMap(id -> id, id -> leads.get(id).ownerRepId()));
        for (int i = 0; i < reps.size(); i++) {
            long repId = reps.get(i).id();
            assertThat(owners.entrySet().stream().filter(e -> e.getValue() == repId).map(Map.Entry::getKey))
                    .containsExactlyInAnyOrderElementsOf(claimedPerRep.get(i));
        }
        assertThat(leadIds).allSatisfy(id -> assertThat(claimMoves(id)).isEqualTo(1));
        assertThat(pools.leads(Viewer.system(), pool.id(), PoolLeadQuery.all())).isEmpty();
    }

    /** Tries leads in a random order until the pool's daily limit stops the rep or nothing is left. */
    private List<Long> claimUntilRefused(Viewer rep, List<Long> leadIds) {
        List<Long> order = new ArrayList<>(leadIds);
        Collections.shuffle(order, new Random(rep.repId()));
        List<Long> claimed = new ArrayList<>();
        for (long id : order) {
            ClaimResult result = claims.claim(rep, id);
            if (result instanceof ClaimResult.Claimed) {
                claimed.add(id);
            } else if (((ClaimResult.Refused) result).reason() == ClaimResult.Reason.DAILY_LIMIT) {
                break;
            }
        }
        return claimed;
    }

    private <T> List<T> allAtOnce(List<Rep> reps, java.util.function.Function<Rep, T> work) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(reps.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Rep rep : reps) {
                Callable<T> task = () -> {
                    start.await();
                    return work.apply(rep);
                };
                futures.add(executor.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private List<Rep> team(int size) {
        OrgFixtures.Org o = org.eastAndSouthChina();
        Team team = org.team("杭州电销组 Hangzhou Telesales #" + o.n(), TeamKind.TEAM, o.eastChina());
        return IntStream.range(0, size)
                .mapToObj(i -> org.rep(team, "销售" + (i + 1) + " Rep " + (i + 1), OrgFixtures.email("telesales" + i), OrgFixtures.shanghaiCity()))
                .toList();
    }

    private Pool pool(long teamId, int claimsPerDay) {
        return pools.create(Viewer.system(), new PoolCommand("电销公海 Telesales pool " + teamId, null, claimsPerDay, null, false,
                7, List.of(teamId), List.of(), null));
    }

    private long claimMoves(long leadId) {
        return jdbc.sql("SELECT count(*) FROM lead_move WHERE lead_id = :id AND cause = 'CLAIMED'").param("id", leadId)
                .query(Long.class).single();
    }
}
