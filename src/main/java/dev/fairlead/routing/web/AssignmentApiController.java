package dev.fairlead.routing.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.routing.AssignmentRecord;
import dev.fairlead.routing.BulkReassignment;
import dev.fairlead.routing.BulkResult;
import dev.fairlead.routing.LedgerLine;
import dev.fairlead.routing.ManualAssignment;
import dev.fairlead.routing.RoutingService;
import dev.fairlead.routing.domain.PeriodKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Assignments", description = "Why each lead went where it went; manual and bulk reassignment; fairness ledger")
class AssignmentApiController {

    private final RoutingService routing;
    private final RoutingText text;
    private final Clock clock;

    AssignmentApiController(RoutingService routing, RoutingText text, Clock clock) {
        this.routing = routing;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping("/api/leads/{id}/assignments")
    @Operation(operationId = "getLeadAssignments", summary = "Every assignment of the lead, newest first, each with its explanation and a one-line summary of it",
            description = "'summary' is the explanation at a glance in the language of Accept-Language; 'explanation' is the full trace.")
    List<ExplainedAssignment> assignments(@PathVariable long id) {
        return routing.assignments(Viewers.require(), id).stream().map(a -> new ExplainedAssignment(a, text.summary(a))).toList();
    }

    @PostMapping("/api/leads/{id}/assignments")
    @Operation(operationId = "assignLead", summary = "Assign or reassign the lead to a rep, with a mandatory reason (managers)")
    AssignmentRecord assign(@PathVariable long id, @RequestBody ManualAssignment cmd) {
        return routing.assign(Viewers.require(), id, cmd);
    }

    @PostMapping("/api/routing/reps/{repId}/reassign")
    @Operation(summary = "Hand on a leaving or overloaded rep's open leads through the active rules (managers)")
    BulkResult reassignAll(@PathVariable long repId, @RequestBody BulkReassignment cmd) {
        return routing.reassignAll(Viewers.require(), repId, cmd);
    }

    @GetMapping("/api/routing/ledger")
    @Operation(summary = "Fairness points and expected value received per rep in the week or month containing 'day' (default today)")
    List<LedgerLine> ledger(@RequestParam(defaultValue = "MONTH") PeriodKind period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return routing.ledger(Viewers.require(), period, day == null ? LocalDate.now(clock) : day);
    }
}
