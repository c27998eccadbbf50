package dev.fairlead.audit.web;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditPage;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: the audit trail has no write, update or delete endpoint. */
@RestController
@Tag(name = "Audit", description = "Append-only audit trail, within the caller's data scope")
class AuditApiController {

    private final AuditTrail audit;

    AuditApiController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(operationId = "searchAudit", summary = "Search the audit trail (newest first)")
    AuditPage search(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return audit.search(Viewers.require(), new AuditFilter(entityType, entityId, actor, action, from, to, page, size));
    }
}
