package dev.fairlead.routing.web;

import dev.fairlead.routing.WaitingLead;
import dev.fairlead.routing.WaitingLeads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Routing")
class WaitingApiController {

    private final WaitingLeads waiting;

    WaitingApiController(WaitingLeads waiting) {
        this.waiting = waiting;
    }

    @GetMapping("/api/routing/waiting")
    @Operation(operationId = "listWaitingLeads", summary = "Leads waiting for working hours for the caller's teams, in arrival order, with when each will be routed")
    List<WaitingLead> list(@RequestParam(defaultValue = "200") int limit) {
        return waiting.list(WaitingController.manager(), limit);
    }
}
