package dev.fairlead.pool.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.pool.ClaimResult;
import dev.fairlead.pool.LeadMove;
import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolClaims;
import dev.fairlead.pool.PoolCommand;
import dev.fairlead.pool.PoolLead;
import dev.fairlead.pool.PoolLeadQuery;
import dev.fairlead.pool.PoolRecovery;
import dev.fairlead.pool.PoolService;
import dev.fairlead.pool.UpcomingRecovery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Public pool", description = "Pools (公海池) per team: release, claim, assign, recovery rules and warnings")
class PoolApiController {

    record ClaimRequest(List<Long> leadIds) {}

    record ClaimOutcome(long leadId, boolean claimed, String reason, String message) {}

    record ReleaseRequest(String reason) {}

    record AssignRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long repId, String reason) {}

    private final PoolService pools;
    private final PoolClaims claims;
    private final PoolRecovery recovery;
    private final ClaimMessages messages;

    PoolApiController(PoolService pools, PoolClaims claims, PoolRecovery recovery, ClaimMessages messages) {
        this.pools = pools;
        this.claims = claims;
        this.recovery = recovery;
        this.messages = messages;
    }

    @Operation(operationId = "listPools")
    @GetMapping("/api/pools")
    List<Pool> list() {
        return pools.list(Viewers.require());
    }

    @Operation(operationId = "getPool")
    @GetMapping("/api/pools/{id}")
    Pool get(@PathVariable long id) {
        return pools.get(Viewers.require(), id);
    }

    @Operation(operationId = "createPool")
    @PostMapping("/api/pools")
    ResponseEntity<Pool> create(@RequestBody PoolCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(pools.create(Viewers.require(), cmd));
    }

    @Operation(operationId = "updatePool")
    @PutMapping("/api/pools/{id}")
    Pool update(@PathVariable long id, @RequestBody PoolCommand cmd) {
        return pools.update(Viewers.require(), id, cmd);
    }

    @Operation(operationId = "listPoolLeads")
    @GetMapping("/api/pools/{id}/leads")
    List<PoolLead> leads(@PathVariable long id, @RequestParam(required = false) String grade,
            @RequestParam(required = false) String province, @RequestParam(required = false) String industry,
            @RequestParam(required = false) Integer minDays, @RequestParam(required = false) Integer maxDays,
            @RequestParam(required = false) Long previousOwner, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return pools.leads(Viewers.require(), id,
                new PoolLeadQuery(grade, province, industry, minDays, maxDays, previousOwner, q, page, size));
    }

    /** Claims several leads; each is claimed or refused on its own. */
    @Operation(operationId = "claimPoolLeads")
    @PostMapping("/api/pool/claims")
    List<ClaimOutcome> claimAll(@RequestBody ClaimRequest request) {
        List<Long> ids = request == null || request.leadIds() == null ? List.of() : request.leadIds();
        return claims.claimAll(Viewers.require(), ids).stream().map(this::outcome).toList();
    }

    /** One claim: 200 when claimed, 409 with the reason (code and message) when refused. */
    @Operation(operationId = "claimPoolLead")
    @ApiResponse(responseCode = "200", description = "Done", content = @Content(schema = @Schema(implementation = ClaimOutcome.class)))
    @ApiResponse(responseCode = "409", description = "Refused: `code` and `detail` say why (claim limit, cool-down, no longer in the pool)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @PostMapping("/api/pool/leads/{id}/claim")
    ResponseEntity<?> claim(@PathVariable long id) {
        return respond(claims.claim(Viewers.require(), id));
    }

    @Operation(operationId = "assignPoolLead")
    @ApiResponse(responseCode = "200", description = "Done", content = @Content(schema = @Schema(implementation = ClaimOutcome.class)))
    @ApiResponse(responseCode = "409", description = "Refused: `code` and `detail` say why (claim limit, cool-down, no longer in the pool)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @PostMapping("/api/pool/leads/{id}/assign")
    ResponseEntity<?> assign(@PathVariable long id, @RequestBody AssignRequest request) {
        if (request == null || request.repId() == null) {
            throw dev.fairlead.common.InvalidInputException.of("repId", "validation.required");
        }
        return respond(claims.assignFromPool(Viewers.require(), id, request.repId(), request.reason()));
    }

    @Operation(operationId = "releaseLead")
    @PostMapping("/api/pool/leads/{id}/release")
    Map<String, Long> release(@PathVariable long id, @RequestBody ReleaseRequest request) {
        return Map.of("poolId", claims.release(Viewers.require(), id, request == null ? null : request.reason()));
    }

    @Operation(operationId = "listPoolMoves")
    @GetMapping("/api/pool/leads/{id}/moves")
    List<LeadMove> moves(@PathVariable long id) {
        return pools.history(Viewers.require(), id);
    }

    @GetMapping("/api/pool/upcoming-recoveries")
    List<UpcomingRecovery> upcoming(@RequestParam(defaultValue = "7") int days) {
        return recovery.upcoming(Viewers.require(), Math.min(Math.max(days, 0), 90));
    }

    private ResponseEntity<?> respond(ClaimResult result) {
        if (result instanceof ClaimResult.Refused refused) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.text(result));
            problem.setTitle(refused.reason().name());
            problem.setProperty("code", refused.messageKey());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.ok(outcome(result));
    }

    private ClaimOutcome outcome(ClaimResult result) {
        return result instanceof ClaimResult.Refused r
                ? new ClaimOutcome(r.leadId(), false, r.reason().name(), messages.text(r))
                : new ClaimOutcome(result.leadId(), true, null, messages.text(result));
    }
}
