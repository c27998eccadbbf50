package dev.fairlead.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealCommand;
import dev.fairlead.deals.DealService;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.notify.Inbox;
import dev.fairlead.notify.InboxItem;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.RecordedDeals;
import dev.fairlead.support.WorkflowIntegrationTest;
import dev.fairlead.work.FollowUpCommand;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpOutcome;
import dev.fairlead.work.FollowUpService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WorkflowIntegrationTest
class PoolRecoveryIT {

    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired PoolService pools;
    @Autowired PoolRecovery recovery;
    @Autowired LeadOwnership ownership;
    @Autowired FollowUpService followUps;
    @Autowired DealService deals;
    @Autowired Inbox inbox;
    @Autowired AuditTrail audit;
    @Autowired MutableClock clock;

    OrgFixtures.Org org;
    Viewer liNa;

    @BeforeEach
    void eastAndSouthChina() {
        org = orgs.eastAndSouthChina();
        liNa = WorkLeadFixtures.repViewer(org.rep(), org.liNa());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void warnsTheOwnerKDaysBeforeAndRecoversTheLeadAfterNDaysWithoutFollowUp() {
        Pool pool = poolWithRules(new RecoveryRule(null, 7, null, 2));
        Lead lead = leads.ownedBy(org.liNa());

        clock.advance(Duration.ofDays(4));
        recovery.run();
        assertThat(leads.get(lead.id()).ownerRepId()).isEqualTo(org.liNa().id());
        assertThat(notices("Follow up soon")).isEmpty();

        clock.advance(Duration.ofHours(36));
        recovery.run();
        recovery.run();
        assertThat(notices("Follow up soon")).singleElement()
                .satisfies(n -> assertThat(n.body()).contains(lead.company()).contains("7 days without follow-up"));
        assertThat(leads.get(lead.id()).owned()).isTrue();

        clock.advance(Duration.ofHours(48));
        recovery.run();
        Lead recovered = leads.get(lead.id());
        assertThat(recovered.ownerRepId()).isNull();
        assertThat(recovered.poolId()).isEqualTo(pool.id());
        assertThat(pools.history(lead.id())).first()
                .satisfies(m -> {
                    assertThat(m.cause()).isEqualTo(MoveCause.RECOVERED);
                    assertThat(m.fromRepId()).isEqualTo(org.liNa().id());
                    assertThat(m.reason()).isEqualTo("Recovered: no follow-up for 7 days" + gradeNote(recovered));
                });
        assertThat(notices("Back in the pool")).hasSize(1);
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("lead", lead.id())).items())
                .anySatisfy(e -> assertThat(e.action() + " " + e.reason()).isEqualTo("POOL Recovered: no follow-up for 7 days" + gradeNote(recovered)));
    }

    @Test
    void aFollowUpRestartsTheCountdown() {
        poolWithRules(new RecoveryRule(null, 7, null, 2));
        Lead lead = leads.ownedBy(org.liNa());

        clock.advance(Duration.ofDays(6));
        followUps.log(liNa, lead.id(), new FollowUpCommand(FollowUpKind.CALL, FollowUpOutcome.NEUTRAL, "还在比价", null, null, null));
        clock.advance(Duration.ofDays(2));
        recovery.run();
        assertThat(leads.get(lead.id()).ownerRepId()).isEqualTo(org.liNa().id());

        clock.advance(Duration.ofDays(5).plusHours(1));
        recovery.run();
        assertThat(leads.get(lead.id()).owned()).isFalse();
    }

    @Test
    void aFollowUpLoggedOnTheLeadsDealRestartsTheCountdownToo() {
        poolWithRules(new RecoveryRule(null, 7, null, 2));
        Lead lead = leads.ownedBy(org.liNa());
        Deal deal = deals.create(liNa, new DealCommand("跟进商机 " + lead.company(), lead.id(), null, null,
                new BigDecimal("80000"), null, null, null, null, null));

        clock.advance(Duration.ofDays(6));
        followUps.logOnDeal(liNa, deal.id(), new FollowUpCommand(FollowUpKind.VISIT, FollowUpOutcome.POSITIVE, "演示了方案", null, null, null));
        clock.advance(Duration.ofDays(2));
        recovery.run();
        assertThat(leads.get(lead.id()).ownerRepId()).isEqualTo(org.liNa().id());
        assertThat(leads.get(lead.id()).status()).isEqualTo(LeadStatus.CONTACTED);

        clock.advance(Duration.ofDays(5).plusHours(1));
        recovery.run();
        assertThat(leads.get(lead.id()).owned()).isFalse();
    }

    @Test
    void eachGradeFollowsItsOwnRuleAndOtherGradesTheGeneralOne() {
        poolWithRules(new RecoveryRule("A", 3, null, 1), new RecoveryRule(null, 10, null, 1));
        Lead gradeA = leads.ownedBy(org.liNa());
        leads.grade(gradeA.id(), "A");
        Lead gradeC = leads.ownedBy(org.liNa());
        leads.grade(gradeC.id(), "C");

        clock.advance(Duration.ofDays(4));
        recovery.run();

        assertThat(leads.get(gradeA.id()).owned()).isFalse();
        assertThat(leads.get(gradeC.id()).owned()).isTrue();
        assertThat(pools.history(gradeA.id()).get(0).reason()).isEqualTo("Recovered: no follow-up for 3 days (grade A)");

        clock.advance(Duration.ofDays(7));
        recovery.run();
        assertThat(leads.get(gradeC.id()).owned()).isFalse();
    }

    @Test
    void lockedLeadsAndLeadsWithAnOpenDealAreNeverRecovered() {
        poolWithRules(new RecoveryRule(null, 5, 8, 1));
        Lead locked = leads.ownedBy(org.liNa());
        leads.lock(locked.id());
        Lead qualified = leads.ownedBy(org.liNa());
        ownership.changeStatus(qualified.id(), LeadStatus.QUALIFIED, "opportunity opened");
        Lead withDeal = leads.ownedBy(org.liNa());
        RecordedDeals.OPEN.add(withDeal.id());
        Lead neglected = leads.ownedBy(org.liNa());

        clock.advance(Duration.ofDays(30));
        recovery.run();

        assertThat(leads.get(locked.id()).owned()).isTrue();
        assertThat(leads.get(qualified.id()).owned()).isTrue();
        assertThat(leads.get(withDeal.id()).owned()).isTrue();
        assertThat(leads.get(neglected.id()).owned()).isFalse();
        assertThat(notices("Follow up soon")).isEmpty();
    }

    @Test
    void aLeadWithoutADealGoesBackAfterMDaysEvenWhenFollowedUp() {
        poolWithRules(new RecoveryRule(null, null, 10, 3));
        Lead lead = leads.ownedBy(org.liNa());

        clock.advance(Duration.ofDays(7).plusHours(12));
        followUps.log(liNa, lead.id(), new FollowUpCommand(FollowUpKind.VISIT, FollowUpOutcome.POSITIVE, "拜访了工厂", null, null, null));
        recovery.run();
        assertThat(notices("No deal yet")).hasSize(1);

        clock.advance(Duration.ofDays(3));
        recovery.run();
        assertThat(leads.get(lead.id()).owned()).isFalse();
        assertThat(pools.history(lead.id()).get(0).reason())
                .isEqualTo("Recovered: no deal within 10 days of assignment" + gradeNote(leads.get(lead.id())));
    }

    @Test
    void managersSeeWhatIsAboutToBeRecoveredInTheirTeams() {
        poolWithRules(new RecoveryRule(null, 7, null, 2));
        Lead lead = leads.ownedBy(org.liNa());
        clock.advance(Duration.ofDays(3));

        List<UpcomingRecovery> shanghai = recovery.upcoming(WorkLeadFixtures.managerViewer(org.manager()), 7);
        assertThat(shanghai).singleElement().satisfies(u -> {
            assertThat(u.leadId()).isEqualTo(lead.id());
            assertThat(u.ownerName()).isEqualTo("李娜");
            assertThat(u.kind()).isEqualTo("NO_FOLLOW_UP");
            assertThat(u.warningPeriod()).isFalse();
        });
        assertThat(recovery.upcoming(WorkLeadFixtures.managerViewer(org.southManager()), 7)).isEmpty();
        assertThat(recovery.upcoming(WorkLeadFixtures.managerViewer(org.manager()), 2)).isEmpty();
    }

    private List<InboxItem> notices(String titleStart) {
        return inbox.list(liNa, false, 100).stream().filter(n -> n.title().startsWith(titleStart)).toList();
    }

    private Pool poolWithRules(RecoveryRule... rules) {
        return pools.create(Viewer.system(), new PoolCommand("华东公海 East pool #" + org.n(), "East China", 10, null, false, 7,
                List.of(org.company().id()), List.of(rules), null));
    }

    /** The rule scoring grades every new lead; the recovery reason names the grade it applied to. */
    private static String gradeNote(Lead lead) {
        return lead.grade() == null ? "" : " (grade " + lead.grade() + ")";
    }
}
