package dev.fairlead.work.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.work.BulkActions;
import dev.fairlead.work.BulkLeadCommand;
import dev.fairlead.work.BulkOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bulk actions", description = "One change applied to many leads or tasks at once, each checked on its own")
class BulkApiController {

    /** Tasks to act on; the only action is DONE. */
    record BulkTasks(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String action, List<Long> ids) {}

    private final BulkActions bulk;

    BulkApiController(BulkActions bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/leads/bulk")
    @Operation(operationId = "bulkUpdateLeads", summary = "Assign (repId, reason; managers), release to the pool (reason), close as lost (reason) or add a task"
            + " (title, dueAt) on up to 500 leads, each through the single-lead service and its checks; the answer lists what"
            + " was done and what was skipped with why")
    BulkOutcome leads(@RequestBody BulkLeadCommand cmd) {
        return bulk.onLeads(Viewers.require(), cmd);
    }

    @PostMapping("/api/tasks/bulk-status")
    @Operation(operationId = "bulkChangeTaskStatus", summary = "Mark up to 500 tasks done (action DONE); the answer lists what was done and what was skipped with why")
    BulkOutcome tasks(@RequestBody BulkTasks cmd) {
        if (!"DONE".equals(cmd.action())) {
            throw dev.fairlead.common.InvalidInputException.of("action", "bulk.action.unknown", "DONE");
        }
        return bulk.tasksDone(Viewers.require(), cmd.ids());
    }
}
