package dev.fairlead.work;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.leads.CustomerService;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.work.persistence.TaskRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks and subtasks. An open task's workload points count in its owner's {@code rep_load} (moved
 * in the same transaction as the task), which the least-loaded routing strategy reads.
 */
@Service
public class TaskService {

    static final String DEFAULT_TYPE = "ADMIN";

    private final TaskRepository tasks;
    private final RepService reps;
    private final TeamService teams;
    private final LeadService leads;
    private final DealService deals;
    private final CustomerService customers;
    private final LeadOwnership ownership;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    TaskService(TaskRepository tasks, RepService reps, TeamService teams, LeadService leads, DealService deals,
            CustomerService customers, LeadOwnership ownership, AuditTrail audit, Validator validator, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.reps = reps;
        this.teams = teams;
        this.leads = leads;
        this.deals = deals;
        this.customers = customers;
        this.ownership = ownership;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Task get(Viewer viewer, long id) {
        return tasks.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("task", id));
    }

    /** The viewer's own tasks: open ones, and those closed in the last day. */
    @Transactional(readOnly = true)
    public List<Task> mine(Viewer viewer) {
        if (viewer.repId() == null) {
            return List.of();
        }
        return tasks.ofRep(viewer.repId(), clock.instant().minus(Duration.ofDays(1)));
    }

    @Transactional(readOnly = true)
    public List<Task> forLead(Viewer viewer, long leadId) {
        leads.get(viewer, leadId);
        return tasks.linkedTo(viewer, leadId, null, null);
    }

    /** Tasks in the viewer's scope linked to a deal the viewer can see (else 404). */
    @Transactional(readOnly = true)
    public List<Task> forDeal(Viewer viewer, long dealId) {
        deals.get(viewer, dealId);
        return tasks.linkedTo(viewer, null, dealId, null);
    }

    /** Tasks in the viewer's scope linked to a customer the viewer can see (else 404), including its deals' tasks. */
    @Transactional(readOnly = true)
    public List<Task> forCustomer(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        return tasks.linkedTo(viewer, null, null, customerId);
    }

    /**
     * Tasks in the viewer's scope linked to every one of the given lead, deal and customer (null: any);
     * 404 when the viewer cannot see one of them.
     */
    @Transactional(readOnly = true)
    public List<Task> linkedTo(Viewer viewer, Long leadId, Long dealId, Long customerId) {
        if (leadId != null) {
            leads.get(viewer, leadId);
        }
        if (dealId != null) {
            deals.get(viewer, dealId);
        }
        if (customerId != null) {
            customers.get(viewer, customerId);
        }
        return tasks.linkedTo(viewer, leadId, dealId, customerId);
    }

    /** Open tasks past their due time in the viewer's scope (a manager: their teams'), most overdue first. */
    @Transactional(readOnly = true)
    public List<Task> overdue(Viewer viewer) {
        return tasks.overdue(viewer, clock.instant());
    }

    /** How many tasks {@link #overdue} ({@code overdue}) or {@link #mine} lists: an export counts before it streams. */
    @Transactional(readOnly = true)
    public long count(Viewer viewer, boolean overdue, Instant now) {
        if (overdue) {
            return tasks.countOverdue(viewer, now);
        }
        return viewer.repId() == null ? 0 : tasks.countOfRep(viewer.repId(), now.minus(Duration.ofDays(1)));
    }

    /** The tasks of {@link #overdue} or {@link #mine} one at a time from a cursor (without subtasks), at most {@code limit}. */
    @Transactional(readOnly = true)
    public void forEach(Viewer viewer, boolean overdue, Instant now, int limit, java.util.function.Consumer<? super Task> each) {
        if (overdue) {
            tasks.forEachOverdue(viewer, now, limit, each);
        } else if (viewer.repId() != null) {
            tasks.forEachOfRep(viewer.repId(), now.minus(Duration.ofDays(1)), limit, each);
        }
    }

    /** How many of the viewer's own open tasks are past due (for the navigation badge). */
    @Transactional(readOnly = true)
    public long overdueCount(Viewer viewer) {
        Instant now = clock.instant();
        return viewer.repId() == null ? 0 : tasks.ofRep(viewer.repId(), now).stream().filter(t -> t.overdueAt(now)).count();
    }

    @Transactional(readOnly = true)
    public List<TaskType> types() {
        return tasks.types();
    }

    @Transactional
    public Task create(Viewer viewer, TaskCommand cmd) {
        if (viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Finance does not own tasks");
        }
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        Task parent = cmd.parentId() == null ? null
                : tasks.findVisible(viewer, cmd.parentId()).orElseThrow(() -> new NotFoundException("task", cmd.parentId()));
        if (parent != null && parent.parentId() != null) {
            problems.add(FieldProblem.of("parentId", "work.task.nestedSubtask"));
        }
        String typeCode = cmd.typeCode() != null ? cmd.typeCode() : parent != null ? parent.typeCode() : DEFAULT_TYPE;
        TaskType type = tasks.type(typeCode).orElse(null);
        if (type == null) {
            problems.add(FieldProblem.of("typeCode", "work.task.type.unknown", typeCode));
        }
        Long ownerId = cmd.ownerRepId() != null ? cmd.ownerRepId() : parent != null ? Long.valueOf(parent.ownerRepId()) : viewer.repId();
        if (ownerId == null) {
            problems.add(FieldProblem.of("ownerRepId", "validation.required"));
        } else if (viewer.isRep() && !ownerId.equals(viewer.repId()) && parent == null) {
            throw new ForbiddenException("Reps create tasks for themselves");
        }
        Links links = parent != null && cmd.leadId() == null && cmd.dealId() == null && cmd.customerId() == null
                ? new Links(parent.leadId(), parent.dealId(), parent.customerId())
                : links(viewer, cmd, problems);
        Validation.throwIfAny(problems);
        Rep owner = reps.get(viewer.isRep() ? dev.fairlead.common.Viewer.system() : viewer, ownerId);
        if (links.leadId() != null && cmd.leadId() != null) {
            leads.get(viewer, links.leadId());
        }
        int points = parent == null ? type.workloadPoints() : 0;
        return insert(new TaskRepository.NewTask(cmd.parentId(), cmd.title(), cmd.description(), owner.id(), owner.teamId(),
                type.code(), points, cmd.important(), cmd.urgent(), cmd.required() == null || cmd.required(), cmd.dueAt(),
                links.leadId(), links.dealId(), links.customerId(), null, viewer.username(), clock.instant()));
    }

    /** The reminder task a follow-up's "next follow-up time" asks for, owned by the owner of what it was logged on. */
    @Transactional
    public Task createFollowUpTask(long ownerRepId, long ownerTeamId, Long leadId, Long dealId, Long customerId, long followUpId,
            String title, Instant dueAt, String createdBy) {
        TaskType type = tasks.type("FOLLOW_UP").orElseThrow();
        boolean urgent = dueAt.isBefore(clock.instant().plus(Duration.ofDays(1)));
        return insert(new TaskRepository.NewTask(null, title, null, ownerRepId, ownerTeamId, type.code(), type.workloadPoints(),
                true, urgent, true, dueAt, leadId, dealId, customerId, followUpId, createdBy, clock.instant()));
    }

    /** One task for every active rep of the team (and sub-teams). Managers, directors and admins only. */
    @Transactional
    public List<Task> createForTeam(Viewer viewer, BulkTaskCommand cmd) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Only managers, directors and administrators create tasks for a team");
        }
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        String typeCode = cmd.typeCode() == null || cmd.typeCode().isBlank() ? DEFAULT_TYPE : cmd.typeCode();
        TaskType type = tasks.type(typeCode).orElse(null);
        if (type == null) {
            problems.add(FieldProblem.of("typeCode", "work.task.type.unknown", typeCode));
        }
        Validation.throwIfAny(problems);
        teams.get(viewer, cmd.teamId());
        List<Task> created = new ArrayList<>();
        for (Rep rep : reps.list(viewer, new RepQuery(cmd.teamId(), null, null, true))) {
            created.add(insert(new TaskRepository.NewTask(null, cmd.title().trim(), cmd.description(), rep.id(), rep.teamId(),
                    type.code(), type.workloadPoints(), cmd.important(), cmd.urgent(), true, cmd.dueAt(), null, null, null, null,
                    viewer.username(), clock.instant())));
        }
        return created;
    }

    /**
     * Moves a task to a new status. Done needs every required subtask closed; closing the last
     * required subtask completes its parent; cancelling a task cancels its open subtasks.
     */
    @Transactional
    public Task changeStatus(Viewer viewer, long id, TaskStatus status) {
        Task task = get(viewer, id);
        if (viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Finance does not work tasks");
        }
        if (task.status() == status) {
            return task;
        }
        if (status == TaskStatus.DONE && task.openRequiredSubtasks() > 0) {
            throw new ConflictException("work.task.subtasksOpen",
                    "Task " + id + " has " + task.openRequiredSubtasks() + " required subtasks still open");
        }
        move(task, status, null);
        if (status == TaskStatus.CANCELLED) {
            for (long sub : tasks.openSubtasks(id)) {
                move(tasks.find(sub).orElseThrow(), TaskStatus.CANCELLED, "parent task cancelled");
            }
        }
        if (task.parentId() != null && !status.isOpen()) {
            completeParentWhenRequiredSubtasksAreDone(task.parentId());
        }
        return tasks.find(id).orElseThrow();
    }

    @Transactional
    public TaskType setTypePoints(Viewer viewer, String code, int points, Integer version) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only directors and administrators configure task types");
        }
        TaskType before = tasks.type(code).orElseThrow(() -> new NotFoundException("task type", code));
        if (points < 0 || points > 100) {
            throw dev.fairlead.common.InvalidInputException.of("workloadPoints", "work.task.type.points");
        }
        if (!tasks.setTypePoints(code, points, version)) {
            throw new ConflictException("stale", "Task type " + code + " was changed by someone else; reload and try again");
        }
        TaskType after = tasks.type(code).orElseThrow();
        audit.record(Change.updated("task_type", code, null, null, before, after));
        return after;
    }

    /** What a new task links to. */
    private record Links(Long leadId, Long dealId, Long customerId) {}

    /**
     * The task's links as asked: a deal or customer the viewer cannot see is a field problem (the
     * same whether it does not exist or lies outside the viewer's scope). A deal brings its lead and
     * customer unless others are named, and a named one must be the deal's own.
     */
    private Links links(Viewer viewer, TaskCommand cmd, List<FieldProblem> problems) {
        Long leadId = cmd.leadId();
        Long customerId = cmd.customerId();
        if (cmd.dealId() != null) {
            Deal deal = visibleDeal(viewer, cmd.dealId());
            if (deal == null) {
                problems.add(FieldProblem.of("dealId", "work.task.deal.unknown", String.valueOf(cmd.dealId())));
            } else {
                if (leadId != null && deal.leadId() != null && !leadId.equals(deal.leadId())) {
                    problems.add(FieldProblem.of("leadId", "work.task.lead.notOfDeal", deal.name()));
                }
                if (customerId != null && deal.customerId() != null && !customerId.equals(deal.customerId())) {
                    problems.add(FieldProblem.of("customerId", "work.task.customer.notOfDeal", deal.name()));
                }
                leadId = leadId != null ? leadId : deal.leadId();
                customerId = customerId != null ? customerId : deal.customerId();
            }
        }
        if (cmd.customerId() != null && !visibleCustomer(viewer, cmd.customerId())) {
            problems.add(FieldProblem.of("customerId", "work.task.customer.unknown", String.valueOf(cmd.customerId())));
        }
        return new Links(leadId, cmd.dealId(), customerId);
    }

    private Deal visibleDeal(Viewer viewer, long dealId) {
        try {
            return deals.get(viewer, dealId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private boolean visibleCustomer(Viewer viewer, long customerId) {
        try {
            customers.get(viewer, customerId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void completeParentWhenRequiredSubtasksAreDone(long parentId) {
        Task parent = tasks.find(parentId).orElseThrow();
        boolean hasRequired = parent.subtasks().stream().anyMatch(Task::required);
        if (parent.status().isOpen() && hasRequired && parent.openRequiredSubtasks() == 0) {
            move(parent, TaskStatus.DONE, "all required subtasks are done");
        }
    }

    private void move(Task task, TaskStatus to, String reason) {
        Instant now = clock.instant();
        if (!tasks.setStatus(task.id(), task.status(), to, to.isOpen() ? null : now)) {
            throw new ConflictException("stale", "Task " + task.id() + " was changed by someone else; reload and try again");
        }
        if (task.status().isOpen() && !to.isOpen()) {
            ownership.addWorkload(task.ownerRepId(), -task.workloadPoints());
        } else if (!task.status().isOpen() && to.isOpen()) {
            ownership.addWorkload(task.ownerRepId(), task.workloadPoints());
        }
        Change change = new Change("STATUS", "task", String.valueOf(task.id()), task.ownerTeamId(), task.ownerRepId(),
                Map.of("status", task.status()), Map.of("status", to), reason);
        audit.record(change);
        if (to == TaskStatus.DONE) {
            events.publishEvent(new TaskDone(task.id(), task.ownerRepId(), task.ownerTeamId(), task.dueAt(),
                    task.dueAt() == null || !now.isAfter(task.dueAt()), now));
        }
    }

    private Task insert(TaskRepository.NewTask t) {
        long id = tasks.insert(t);
        ownership.addWorkload(t.ownerRepId(), t.workloadPoints());
        Task created = tasks.find(id).orElseThrow();
        audit.record(Change.created("task", id, created.ownerTeamId(), created.ownerRepId(), created));
        return created;
    }
}
