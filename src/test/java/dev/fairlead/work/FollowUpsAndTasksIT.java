package dev.fairlead.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.notify.Inbox;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WorkflowIntegrationTest
class FollowUpsAndTasksIT {

    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired FollowUpService followUps;
    @Autowired TaskService tasks;
    @Autowired TaskReminders reminders;
    @Autowired LeadTimeline timeline;
    @Autowired LeadOwnership ownership;
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
    void aFollowUpMarksTheLeadContactedAndItsNextFollowUpTimeBecomesAReminderTask() {
        Lead lead = leads.ownedBy(org.liNa());
        Instant next = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

        FollowUp logged = followUps.log(liNa, lead.id(), new FollowUpCommand(FollowUpKind.WECHAT, FollowUpOutcome.POSITIVE,
                "客户对CRM很感兴趣，要报价", "发送报价单 send the quote", null, next));

        Lead after = leads.get(lead.id());
        assertThat(after.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(after.firstContactAt()).isEqualTo(logged.occurredAt());
        assertThat(after.lastFollowUpAt()).isEqualTo(logged.occurredAt());
        assertThat(tasks.forLead(liNa, lead.id())).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(logged.taskId());
            assertThat(t.typeCode()).isEqualTo("FOLLOW_UP");
            assertThat(t.dueAt()).isEqualTo(next);
            assertThat(t.ownerRepId()).isEqualTo(org.liNa().id());
            assertThat(t.quadrant()).isEqualTo(Quadrant.SCHEDULE);
            assertThat(t.title()).startsWith("Follow up: ").contains(lead.company());
        });
        assertThat(workload(org.liNa().id())).isEqualTo(1);
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("follow_up", logged.id())).items()).hasSize(1);
        assertThat(timeline.of(liNa, lead.id())).extracting(TimelineEntry::kind).containsSubsequence("TASK", "FOLLOW_UP", "MOVE");
    }

    @Test
    void aFollowUpWithoutKindAndOutcomeAndAPastNextTimeIsRefusedWithEveryProblem() {
        Lead lead = leads.ownedBy(org.liNa());

        assertThatThrownBy(() -> followUps.log(liNa, lead.id(), new FollowUpCommand(null, null, null, null, null,
                clock.instant().minus(Duration.ofHours(1)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactlyInAnyOrder("kind", "outcome", "nextFollowUpAt"));
        assertThat(followUps.forLead(liNa, lead.id())).isEmpty();
    }

    @Test
    void aRepCannotFollowUpOnAnotherRepsLead() {
        Lead lead = leads.ownedBy(org.huJun());

        assertThatThrownBy(() -> followUps.log(liNa, lead.id(), new FollowUpCommand(FollowUpKind.CALL, FollowUpOutcome.NEUTRAL,
                null, null, null, null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTaskIsDoneWhenItsRequiredSubtasksAreAndItsPointsLeaveTheOwnersLoad() {
        Lead lead = leads.ownedBy(org.liNa());
        Task visit = tasks.create(liNa, new TaskCommand("拜访客户工厂 Visit the factory", null, null, "VISIT", true, false,
                clock.instant().plus(Duration.ofDays(3)), lead.id(), null, null));
        Task bookCar = tasks.create(liNa, new TaskCommand("订车 Book a car", null, null, null, false, false, null, null, visit.id(), true));
        Task brochure = tasks.create(liNa, new TaskCommand("带宣传册 Bring brochures", null, null, null, false, false, null, null,
                visit.id(), false));
        assertThat(workload(org.liNa().id())).isEqualTo(3);

        assertThatThrownBy(() -> tasks.changeStatus(liNa, visit.id(), TaskStatus.DONE)).isInstanceOf(ConflictException.class);

        tasks.changeStatus(liNa, bookCar.id(), TaskStatus.DONE);

        assertThat(tasks.get(liNa, visit.id()).status()).isEqualTo(TaskStatus.DONE);
        assertThat(tasks.get(liNa, brochure.id()).status()).isEqualTo(TaskStatus.OPEN);
        assertThat(bookCar.leadId()).isEqualTo(lead.id());
        assertThat(workload(org.liNa().id())).isZero();

        tasks.changeStatus(liNa, visit.id(), TaskStatus.OPEN);
        assertThat(workload(org.liNa().id())).isEqualTo(3);
        tasks.changeStatus(liNa, visit.id(), TaskStatus.CANCELLED);
        assertThat(tasks.get(liNa, brochure.id()).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(workload(org.liNa().id())).isZero();
    }

    @Test
    void workloadPointsComeFromTheTaskTypeAsConfiguredWhenTheTaskWasCreated() {
        TaskType proposal = tasks.types().stream().filter(t -> t.code().equals("PROPOSAL")).findFirst().orElseThrow();
        Task before = tasks.create(liNa, new TaskCommand("写方案 Write proposal", null, null, "PROPOSAL", true, true, null, null, null, null));
        tasks.setTypePoints(Viewer.system(), "PROPOSAL", 6, null);
        try {
            Task after = tasks.create(liNa, new TaskCommand("再写方案 Another proposal", null, null, "PROPOSAL", true, true, null, null, null, null));
            assertThat(before.workloadPoints()).isEqualTo(proposal.workloadPoints());
            assertThat(after.workloadPoints()).isEqualTo(6);
            assertThat(workload(org.liNa().id())).isEqualTo(proposal.workloadPoints() + 6);
            assertThat(after.quadrant()).isEqualTo(Quadrant.DO_FIRST);
        } finally {
            tasks.setTypePoints(Viewer.system(), "PROPOSAL", proposal.workloadPoints(), null);
        }
    }

    @Test
    void aManagerCreatesATaskForEveryoneInTheTeamAndSeesWhatIsOverdue() {
        Viewer manager = WorkLeadFixtures.managerViewer(org.manager());
        List<Task> created = tasks.createForTeam(manager, new BulkTaskCommand(org.shanghai().id(), "回访展会客户 Call back trade-fair visitors",
                null, "CALL", true, true, clock.instant().plus(Duration.ofHours(6))));

        assertThat(created).extracting(Task::ownerName).containsExactlyInAnyOrder("李娜", "王伟", "Emily Chen");
        assertThat(tasks.overdue(manager)).isEmpty();

        clock.advance(Duration.ofHours(7));
        assertThat(tasks.overdue(manager)).extracting(Task::id).containsExactlyInAnyOrderElementsOf(created.stream().map(Task::id).toList());
        assertThat(tasks.overdue(WorkLeadFixtures.managerViewer(org.southManager()))).extracting(Task::id)
                .doesNotContainAnyElementsOf(created.stream().map(Task::id).toList());
        assertThat(tasks.overdue(liNa)).singleElement().satisfies(t -> assertThat(t.ownerRepId()).isEqualTo(org.liNa().id()));
        assertThatThrownBy(() -> tasks.createForTeam(liNa, new BulkTaskCommand(org.shanghai().id(), "x", null, null, false, false, null)))
                .isInstanceOf(dev.fairlead.common.ForbiddenException.class);
    }

    @Test
    void ownersAreRemindedOnceWhenATaskIsDueSoonAndOnceWhenItIsOverdue() {
        Task call = tasks.create(liNa, new TaskCommand("给张总回电话 Call Mr Zhang back", null, null, "CALL", true, true,
                clock.instant().plus(Duration.ofHours(2)), null, null, null));

        reminders.run();
        reminders.run();
        assertThat(reminders("Due soon: " + call.title())).hasSize(1);

        clock.advance(Duration.ofHours(3));
        reminders.run();
        reminders.run();
        assertThat(reminders("Overdue: " + call.title())).hasSize(1);

        tasks.changeStatus(liNa, call.id(), TaskStatus.DONE);
        clock.advance(Duration.ofHours(1));
        reminders.run();
        assertThat(reminders("Overdue: " + call.title())).hasSize(1);
    }

    private List<String> reminders(String title) {
        return inbox.list(liNa, false, 100).stream().map(i -> i.title()).filter(title::equals).toList();
    }

    private int workload(long repId) {
        return ownership.loads(List.of(repId)).get(repId).workloadPoints();
    }
}
