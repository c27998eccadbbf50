package dev.fairlead.work.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.work.BulkTaskCommand;
import dev.fairlead.work.FollowUp;
import dev.fairlead.work.FollowUpCommand;
import dev.fairlead.work.FollowUpService;
import dev.fairlead.work.LeadTimeline;
import dev.fairlead.work.SlaPolicy;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.SlaStatus;
import dev.fairlead.work.SlaTimer;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskCommand;
import dev.fairlead.work.TaskService;
import dev.fairlead.work.TaskStatus;
import dev.fairlead.work.TaskType;
import dev.fairlead.work.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Work", description = "Follow-ups on leads, deals and customers; tasks (Eisenhower board, subtasks, workload points); first-contact SLA")
class WorkApiController {

    @Schema(name = "TaskStatusChange")
    record StatusChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) TaskStatus status) {}

    record Points(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer workloadPoints, Integer version) {}

    private final FollowUpService followUps;
    private final TaskService tasks;
    private final SlaService sla;
    private final LeadTimeline timeline;

    WorkApiController(FollowUpService followUps, TaskService tasks, SlaService sla, LeadTimeline timeline) {
        this.followUps = followUps;
        this.tasks = tasks;
        this.sla = sla;
        this.timeline = timeline;
    }

    @Operation(operationId = "listLeadFollowUps")
    @GetMapping("/api/leads/{id}/follow-ups")
    List<FollowUp> followUps(@PathVariable long id) {
        return followUps.forLead(Viewers.require(), id);
    }

    @Operation(operationId = "logLeadFollowUp")
    @PostMapping("/api/leads/{id}/follow-ups")
    ResponseEntity<FollowUp> logFollowUp(@PathVariable long id, @RequestBody FollowUpCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(followUps.log(Viewers.require(), id, cmd));
    }

    @GetMapping("/api/deals/{id}/follow-ups")
    List<FollowUp> dealFollowUps(@PathVariable long id) {
        return followUps.forDeal(Viewers.require(), id);
    }

    @PostMapping("/api/deals/{id}/follow-ups")
    ResponseEntity<FollowUp> logDealFollowUp(@PathVariable long id, @RequestBody FollowUpCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(followUps.logOnDeal(Viewers.require(), id, cmd));
    }

    @GetMapping("/api/customers/{id}/follow-ups")
    List<FollowUp> customerFollowUps(@PathVariable long id) {
        return followUps.forCustomer(Viewers.require(), id);
    }

    @PostMapping("/api/customers/{id}/follow-ups")
    ResponseEntity<FollowUp> logCustomerFollowUp(@PathVariable long id, @RequestBody FollowUpCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(followUps.logOnCustomer(Viewers.require(), id, cmd));
    }

    @GetMapping("/api/deals/{id}/tasks")
    List<Task> dealTasks(@PathVariable long id) {
        return tasks.forDeal(Viewers.require(), id);
    }

    @GetMapping("/api/customers/{id}/tasks")
    List<Task> customerTasks(@PathVariable long id) {
        return tasks.forCustomer(Viewers.require(), id);
    }

    @GetMapping("/api/leads/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable long id) {
        return timeline.of(Viewers.require(), id);
    }

    @GetMapping("/api/leads/{id}/sla")
    List<SlaTimer> leadSla(@PathVariable long id) {
        return sla.forLead(Viewers.require(), id);
    }

    @GetMapping("/api/leads/{id}/tasks")
    List<Task> leadTasks(@PathVariable long id) {
        return tasks.forLead(Viewers.require(), id);
    }

    /**
     * {@code view=mine} (default): the caller's tasks; {@code view=overdue}: overdue tasks in the caller's scope.
     * With {@code leadId}, {@code dealId} and/or {@code customerId}: the tasks in the caller's scope linked to all
     * of them (404 when the caller cannot see one of them).
     */
    @Operation(operationId = "listTasks")
    @GetMapping("/api/tasks")
    List<Task> list(@RequestParam(defaultValue = "mine") String view, @RequestParam(required = false) Long leadId,
            @RequestParam(required = false) Long dealId, @RequestParam(required = false) Long customerId) {
        Viewer viewer = Viewers.require();
        if (leadId == null && dealId == null && customerId == null) {
            return "overdue".equals(view) ? tasks.overdue(viewer) : tasks.mine(viewer);
        }
        return tasks.linkedTo(viewer, leadId, dealId, customerId);
    }

    @Operation(operationId = "getTask")
    @GetMapping("/api/tasks/{id}")
    Task get(@PathVariable long id) {
        return tasks.get(Viewers.require(), id);
    }

    @Operation(operationId = "createTask")
    @PostMapping("/api/tasks")
    ResponseEntity<Task> create(@RequestBody TaskCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tasks.create(Viewers.require(), cmd));
    }

    @PostMapping("/api/tasks/bulk")
    ResponseEntity<List<Task>> createForTeam(@RequestBody BulkTaskCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tasks.createForTeam(Viewers.require(), cmd));
    }

    @Operation(operationId = "changeTaskStatus")
    @PostMapping("/api/tasks/{id}/status")
    Task changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        if (change == null || change.status() == null) {
            throw InvalidInputException.of("status", "validation.required");
        }
        return tasks.changeStatus(Viewers.require(), id, change.status());
    }

    @Operation(operationId = "listTaskTypes")
    @GetMapping("/api/task-types")
    List<TaskType> types() {
        return tasks.types();
    }

    @Operation(operationId = "setTaskTypePoints")
    @PutMapping("/api/task-types/{code}")
    TaskType setPoints(@PathVariable String code, @RequestBody Points points) {
        if (points == null || points.workloadPoints() == null) {
            throw InvalidInputException.of("workloadPoints", "validation.required");
        }
        return tasks.setTypePoints(Viewers.require(), code, points.workloadPoints(), points.version());
    }

    @Operation(operationId = "teamSla")
    @GetMapping("/api/sla")
    List<SlaTimer> team(@RequestParam(required = false) SlaStatus status) {
        return sla.team(Viewers.require(), status);
    }

    @Operation(operationId = "getSlaPolicies")
    @GetMapping("/api/sla/policies")
    List<SlaPolicy> policies() {
        return sla.policies();
    }

    @Operation(operationId = "saveSlaPolicies")
    @PutMapping("/api/sla/policies")
    List<SlaPolicy> savePolicies(@RequestBody List<SlaPolicy> policies) {
        return sla.savePolicies(Viewers.require(), policies == null ? List.of() : policies);
    }
}
