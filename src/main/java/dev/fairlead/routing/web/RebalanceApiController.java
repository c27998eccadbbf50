package dev.fairlead.routing.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.routing.RebalanceProposal;
import dev.fairlead.routing.RebalanceRequest;
import dev.fairlead.routing.RebalanceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/routing/rebalances")
@Tag(name = "Rebalancing", description = "Solver-proposed moves of open leads: preview, apply or discard")
class RebalanceApiController {

    private final RebalanceService rebalances;

    RebalanceApiController(RebalanceService rebalances) {
        this.rebalances = rebalances;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "proposeRebalance", summary = "Propose moves for the open leads of a team's reps (managers)")
    RebalanceProposal propose(@RequestBody(required = false) RebalanceRequest req) {
        return rebalances.propose(Viewers.require(), req == null ? new RebalanceRequest(null, null, null, null) : req);
    }

    @Operation(operationId = "getRebalance")
    @GetMapping("/{id}")
    RebalanceProposal get(@PathVariable long id) {
        return rebalances.get(Viewers.require(), id);
    }

    @PostMapping("/{id}/apply")
    @Operation(operationId = "applyRebalance", summary = "Apply the proposed moves; moves whose lead changed hands or whose receiver hit a cap are skipped")
    RebalanceProposal apply(@PathVariable long id) {
        return rebalances.apply(Viewers.require(), id);
    }

    @Operation(operationId = "discardRebalance")
    @PostMapping("/{id}/discard")
    RebalanceProposal discard(@PathVariable long id) {
        return rebalances.discard(Viewers.require(), id);
    }
}
