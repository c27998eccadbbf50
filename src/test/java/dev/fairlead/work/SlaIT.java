package dev.fairlead.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.routing.AssignmentKind;
import dev.fairlead.routing.AssignmentRecord;
import dev.fairlead.routing.RoutingService;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.notify.Inbox;
import dev.fairlead.notify.InboxItem;
import dev.fairlead.pool.ClaimResult;
import dev.fairlead.pool.MoveCause;
import dev.fairlead.pool.PoolClaims;
import dev.fairlead.pool.PoolService;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import dev.fairlead.work.domain.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WorkflowIntegrationTest
class SlaIT {

    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired RoutingService routing;
    @Autowired LeadOwnership ownership;
    @Autowired SlaService sla;
    @Autowired FollowUpService followUps;
    @Autowired PoolClaims claims;
    @Autowired PoolService pools;
    @Autowired Inbox inbox;
    @Autowired AuditTrail audit;
    @Autowired MutableClock clock;

    OrgFixtures.Org org;
    Viewer liNa;
    List<SlaPolicy> original;

    @BeforeEach
    void eastAndSouthChina() {
        org = orgs.eastAndSouthChina();
        liNa = WorkLeadFixtures.repViewer(org.rep(), org.liNa());
        original = sla.policies();
        List<SlaPolicy> policies = new ArrayList<>(original.stream().filter(p -> p.grade() == null).toList());
        policies.add(new SlaPolicy("D", 120, 30, false, true));
        policies.add(new SlaPolicy("B", 480, 60, true, false));
        sla.savePolicies(Viewer.system(), policies);
    }

    @AfterEach
    void restore() {
        clock.reset();
        sla.savePolicies(Viewer.system(), original);
    }

    @Test
    void aBreachIsEscalatedToTheManagerAndTheEngineReassignsTheLeadWithTheBreachAsReason() {
        Lead lead = assigned("D", org.liNa());

        clock.advance(Duration.ofMinutes(95));
        sla.check();
        assertThat(titles(liNa)).anySatisfy(t -> assertThat(t).startsWith("First contact due soon"));

        clock.advance(Duration.ofMinutes(30));
        sla.check();
        sla.check();

        SlaTimer breached = sla.forLead(Viewer.system(), lead.id()).stream()
                .filter(t -> t.repId() == org.liNa().id()).findFirst().orElseThrow();
        assertThat(breached.status()).isEqualTo(SlaStatus.BREACHED);
        assertThat(breached.reassignedAt()).isNotNull();
        assertThat(titles(liNa)).filteredOn(t -> t.startsWith("SLA breached")).hasSize(1);
        Viewer manager = WorkLeadFixtures.managerViewer(org.manager());
        assertThat(titles(manager)).filteredOn(t -> t.startsWith("SLA breached by 李娜")).hasSize(1);

        Lead after = leads.get(lead.id());
        assertThat(after.ownerRepId()).isNotEqualTo(org.liNa().id());
        AssignmentRecord rerouted = routing.assignments(Viewer.system(), lead.id()).get(0);
        assertThat(rerouted.kind()).isEqualTo(AssignmentKind.SLA_BREACH);
        assertThat(rerouted.reason()).contains("SLA breach: no first contact within 2 h of assignment to 李娜");
        assertThat(rerouted.repId()).isEqualTo(after.ownerRepId());
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("lead", lead.id())).items())
                .extracting(e -> e.action()).contains("SLA_BREACH");
        if (after.owned()) {
            assertThat(titles(manager)).anySatisfy(t -> assertThat(t).startsWith("Reassigned after SLA breach"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sla.forLead(Viewer.system(), lead.id()))
                    .first().satisfies(t -> {
                        assertThat(t.repId()).isEqualTo(after.ownerRepId());
                        assertThat(t.status()).isEqualTo(SlaStatus.RUNNING);
                    }));
        } else {
            assertThat(titles(manager)).anySatisfy(t -> assertThat(t).startsWith("Taken back after SLA breach"));
        }
        assertThat(sla.team(manager, SlaStatus.BREACHED)).extracting(SlaTimer::leadId).contains(lead.id());
        assertThat(sla.team(WorkLeadFixtures.managerViewer(org.southManager()), null)).extracting(SlaTimer::leadId).doesNotContain(lead.id());
    }

    @Test
    void aFirstContactInTimeMeetsTheSlaAndNothingIsEscalated() {
        Lead lead = assigned(null, org.liNa());
        clock.advance(Duration.ofHours(3));
        followUps.log(liNa, lead.id(), new FollowUpCommand(FollowUpKind.CALL, FollowUpOutcome.POSITIVE, "约了下周拜访", null, null, null));

        clock.advance(Duration.ofHours(30));
        sla.check();

        // Routing assigned the new lead first; that owner's timer was cancelled when Li Na got it.
        assertThat(sla.forLead(liNa, lead.id())).filteredOn(t -> t.status() != SlaStatus.CANCELLED).singleElement().satisfies(t -> {
            assertThat(t.repId()).isEqualTo(org.liNa().id());
            assertThat(t.status()).isEqualTo(SlaStatus.MET);
            assertThat(t.metAt()).isNotNull();
        });
        assertThat(leads.get(lead.id()).ownerRepId()).isEqualTo(org.liNa().id());
        assertThat(titles(WorkLeadFixtures.managerViewer(org.manager()))).noneMatch(t -> t.contains(lead.company()));
    }

    @Test
    void aPolicyInWorkingHoursCountsOnlyTheRepsWorkingTime() {
        Lead lead = assigned("B", org.liNa());

        SlaTimer timer = sla.forLead(liNa, lead.id()).get(0);
        Instant expected = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0), clock.getZone())
                .plus(timer.assignedAt(), 480, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(timer.dueAt()).isEqualTo(expected);
        assertThat(Duration.between(timer.assignedAt(), timer.dueAt())).isGreaterThanOrEqualTo(Duration.ofHours(8));
    }

    @Autowired dev.fairlead.org.WorkingCalendarService calendars;

    @Test
    void aTeamWithItsOwnHoursCountsTheDeadlineInThemAndSkipsItsHolidays() {
        calendars.setHours(Viewer.system(), org.company().id(), new dev.fairlead.org.TeamHoursCommand(LocalTime.of(10, 0),
                LocalTime.of(16, 0), "Asia/Shanghai", true, true));
        try {
            Lead lead = assigned("B", org.liNa());

            SlaTimer timer = sla.forLead(liNa, lead.id()).get(0);
            var time = calendars.workingTime();
            var weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            Instant expected = new WorkingHours(LocalTime.of(10, 0), LocalTime.of(16, 0), java.time.ZoneId.of("Asia/Shanghai"))
                    .plus(timer.assignedAt(), 480, day -> time.worksOn(org.shanghai().id(), weekdays, day));
            assertThat(timer.dueAt()).isEqualTo(expected);
            assertThat(Duration.between(timer.assignedAt(), timer.dueAt())).as("8 working hours of 6 a day span two days")
                    .isGreaterThan(Duration.ofHours(14));
        } finally {
            calendars.clearHours(Viewer.system(), org.company().id());
        }
    }

    private Lead assigned(String grade, dev.fairlead.org.Rep rep) {
        Lead lead = leads.lead();
        if (grade != null) {
            leads.grade(lead.id(), grade);
        }
        ownership.assign(lead.id(), rep.id(), "assigned by the manager", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> !sla.forLead(Viewer.system(), lead.id()).isEmpty());
        return leads.get(lead.id());
    }

    private List<String> titles(Viewer viewer) {
        return inbox.list(viewer, false, 200).stream().map(InboxItem::title).toList();
    }
}
