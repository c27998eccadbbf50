package dev.fairlead.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WorkflowIntegrationTest
class PoolClaimLimitsIT {

    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired PoolService pools;
    @Autowired PoolClaims claims;
    @Autowired LeadOwnership ownership;
    @Autowired AuditTrail audit;
    @Autowired MutableClock clock;
    @Autowired Api api;

    OrgFixtures.Org org;
    Viewer liNa;
    Viewer wangWei;

    @BeforeEach
    void eastAndSouthChina() {
        org = orgs.eastAndSouthChina();
        liNa = WorkLeadFixtures.repViewer(org.rep(), org.liNa());
        wangWei = WorkLeadFixtures.repViewer(org.wangWei());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRepCannotReclaimALeadTheyReleasedUntilTheCoolDownIsOver() {
        Pool pool = pool(10, null, false, 3);
        Lead lead = leads.ownedBy(org.liNa());

        assertThat(claims.release(liNa, lead.id(), "客户暂无预算 no budget this year")).isEqualTo(pool.id());
        assertThat(claims.claim(liNa, lead.id())).isInstanceOfSatisfying(ClaimResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(ClaimResult.Reason.COOL_DOWN));

        clock.advance(Duration.ofDays(2));
        assertThat(claims.claim(liNa, lead.id())).isInstanceOf(ClaimResult.Refused.class);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(claims.claim(liNa, lead.id())).isInstanceOf(ClaimResult.Claimed.class);
        assertThat(leads.get(lead.id()).ownerRepId()).isEqualTo(org.liNa().id());
    }

    @Test
    void theCoolDownAppliesOnlyToTheRepWhoLetTheLeadGo() {
        pool(10, null, false, 7);
        Lead lead = leads.ownedBy(org.liNa());
        claims.release(liNa, lead.id(), "wrong region");

        assertThat(claims.claim(wangWei, lead.id())).isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void aRepClaimsNoMoreThanThePoolAllowsPerDay() {
        Pool pool = pool(2, null, false, 7);
        List<Lead> waiting = List.of(leads.inPool(pool.id()), leads.inPool(pool.id()), leads.inPool(pool.id()));

        assertThat(claims.claimAll(wangWei, waiting.stream().map(Lead::id).toList()))
                .extracting(r -> r instanceof ClaimResult.Refused refused ? refused.reason().name() : "CLAIMED")
                .containsExactly("CLAIMED", "CLAIMED", "DAILY_LIMIT");

        clock.advance(Duration.ofDays(1));
        assertThat(claims.claim(wangWei, waiting.get(2).id())).isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void wonCustomersCountTowardsTheMaximumOnlyWhenThePoolSaysSo() {
        Pool notCounting = pool(10, 2, false, 7);
        Lead open = leads.ownedBy(org.wangWei());
        Lead won = leads.ownedBy(org.wangWei());
        ownership.changeStatus(won.id(), LeadStatus.CONVERTED, "signed");

        assertThat(claims.claim(wangWei, leads.inPool(notCounting.id()).id())).isInstanceOf(ClaimResult.Claimed.class);
        assertThat(claims.claim(wangWei, leads.inPool(notCounting.id()).id())).isInstanceOfSatisfying(ClaimResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(ClaimResult.Reason.MAX_OWNED));

        PoolCommand counting = new PoolCommand(notCounting.name(), null, 10, 3, true, 7, List.of(org.company().id()), List.of(),
                notCounting.version());
        pools.update(Viewer.system(), notCounting.id(), counting);
        assertThat(claims.claim(wangWei, leads.inPool(notCounting.id()).id())).isInstanceOfSatisfying(ClaimResult.Refused.class,
                r -> assertThat(r.args()).containsExactly(3));
        assertThat(open.id()).isNotNull();
    }

    @Test
    void aManagerAssignsAPooledLeadToARepInTheirTeam() {
        Pool pool = pool(0, null, false, 7);
        Lead lead = leads.inPool(pool.id());

        ClaimResult result = claims.assignFromPool(WorkLeadFixtures.managerViewer(org.manager()), lead.id(), org.wangWei().id(),
                "王伟熟悉纺织行业");

        assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
        assertThat(leads.get(lead.id()).ownerRepId()).isEqualTo(org.wangWei().id());
        assertThat(pools.history(lead.id()).get(0)).satisfies(m -> {
            assertThat(m.cause()).isEqualTo(MoveCause.POOL_ASSIGNED);
            assertThat(m.reason()).isEqualTo("王伟熟悉纺织行业");
            assertThat(m.toPoolName()).isNull();
        });
        assertThatThrownBy(() -> claims.assignFromPool(WorkLeadFixtures.managerViewer(org.southManager()), leads.inPool(pool.id()).id(),
                org.wangWei().id(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> claims.assignFromPool(liNa, lead.id(), org.liNa().id(), null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void releasingNeedsAReasonAndIsAudited() {
        pool(10, null, false, 7);
        Lead lead = leads.ownedBy(org.liNa());

        assertThatThrownBy(() -> claims.release(liNa, lead.id(), "  ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("reason"));
        assertThatThrownBy(() -> claims.release(WorkLeadFixtures.repViewer(org.huJun()), lead.id(), "not mine"))
                .isInstanceOf(NotFoundException.class);

        claims.release(liNa, lead.id(), "联系不上 unreachable");

        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("lead", lead.id())).items().get(0))
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("POOL");
                    assertThat(e.actor()).isEqualTo("system");
                    assertThat(e.reason()).isEqualTo("Released: 联系不上 unreachable");
                });
        assertThat(pools.history(lead.id()).get(0).cause()).isEqualTo(MoveCause.RELEASED);
    }

    @Test
    void repsOutsideAPoolsMemberTeamsNeitherSeeNorClaimItsLeads() {
        Pool pool = pools.create(Viewer.system(), new PoolCommand("华东公海 East only #" + org.n(), null, 10, null, false, 7,
                List.of(org.eastChina().id()), List.of(), null));
        Lead lead = leads.inPool(pool.id());
        Viewer huJunInShenzhen = WorkLeadFixtures.repViewer(org.huJun());
        Pool southOnly = pools.create(Viewer.system(), new PoolCommand("华南公海 South #" + org.n(), null, 10, null, false, 7,
                List.of(org.southChina().id()), List.of(), null));

        assertThat(pools.list(huJunInShenzhen)).extracting(Pool::id).contains(southOnly.id()).doesNotContain(pool.id());
        assertThatThrownBy(() -> claims.claim(huJunInShenzhen, lead.id())).isInstanceOf(NotFoundException.class);
        assertThat(pools.leads(wangWei, pool.id(), PoolLeadQuery.all())).extracting(PoolLead::leadId).contains(lead.id());
    }

    @Test
    void poolPagesFilterByGradeRegionIndustryDaysInPoolAndPreviousOwner() {
        Pool pool = pool(10, null, false, 0);
        Lead fresh = leads.inPool(pool.id());
        leads.grade(fresh.id(), "A");
        clock.advance(Duration.ofDays(5));
        Lead released = leads.ownedBy(org.liNa());
        claims.release(liNa, released.id(), "handing over");
        leads.grade(released.id(), "B");

        assertThat(ids(new PoolLeadQuery("A", null, null, null, null, null, null, 0, 50))).containsExactly(fresh.id());
        assertThat(ids(new PoolLeadQuery(null, "310000", "Manufacturing", 3, null, null, null, 0, 50))).containsExactly(fresh.id());
        assertThat(ids(new PoolLeadQuery(null, null, null, null, 1, null, null, 0, 50))).containsExactly(released.id());
        assertThat(ids(new PoolLeadQuery(null, null, null, null, null, org.liNa().id(), null, 0, 50))).containsExactly(released.id());
        // Every rep the lead's history names, once each: 李娜, and before her whoever the rule set
        // active at the time (another test's) routed the new lead to, if any.
        Map<Long, String> owners = new HashMap<>();
        pools.history(released.id()).forEach(m -> {
            if (m.fromRepId() != null) {
                owners.put(m.fromRepId(), m.fromRepName());
            }
            if (m.toRepId() != null) {
                owners.put(m.toRepId(), m.toRepName());
            }
        });
        assertThat(owners).containsEntry(org.liNa().id(), "李娜");
        assertThat(pools.leads(wangWei, pool.id(), PoolLeadQuery.all()))
                .filteredOn(l -> l.leadId() == released.id()).singleElement()
                .satisfies(l -> {
                    assertThat(l.previousOwners()).containsExactlyInAnyOrderElementsOf(owners.values());
                    assertThat(l.lastReason()).isEqualTo("Released: handing over");
                    assertThat(l.daysInPool()).isZero();
                });
    }

    @Test
    void theApiSaysWhyAClaimWasRefusedInTheCallersLanguage() {
        Pool pool = pool(10, null, false, 7);
        Lead lead = leads.inPool(pool.id());
        OrgFixtures.Login wangWeiLogin = orgs.login(OrgFixtures.username("wang.wei"), "王伟", dev.fairlead.common.Role.REP, null,
                org.wangWei().id());

        ApiResponse won = api.as(wangWeiLogin.token()).post("/api/pool/leads/" + lead.id() + "/claim", "{}");
        ApiResponse lost = api.as(org.rep().token()).language("zh-CN").post("/api/pool/leads/" + lead.id() + "/claim", "{}");

        assertThat(won.status()).as(won.toString()).isEqualTo(200);
        assertThat(lost.status()).isEqualTo(409);
        assertThat(lost.tree().path("detail").asString()).isEqualTo("该线索刚刚已被其他人领取。");
        assertThat(lost.tree().path("code").asString()).isEqualTo("pool.claim.refused.TAKEN");

        ApiResponse release = api.as(wangWeiLogin.token()).post("/api/pool/leads/" + lead.id() + "/release", Map.of("reason", ""));
        assertThat(release.status()).isEqualTo(400);
        assertThat(release.errorFields()).containsExactly("reason");
    }

    private List<Long> ids(PoolLeadQuery query) {
        long poolId = pools.list(Viewer.system()).stream().filter(p -> p.name().endsWith("#" + org.n())).findFirst().orElseThrow().id();
        return pools.leads(wangWei, poolId, query).stream().map(PoolLead::leadId).toList();
    }

    private Pool pool(int claimsPerDay, Integer maxOwned, boolean countWon, int coolDownDays) {
        return pools.create(Viewer.system(), new PoolCommand("华东公海 East pool #" + org.n(), null, claimsPerDay, maxOwned, countWon,
                coolDownDays, List.of(org.company().id()), List.of(), null));
    }
}
