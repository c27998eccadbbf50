package dev.fairlead.audit;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.export.ExportAudit;
import dev.fairlead.common.export.ExportFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every export in the audit trail: action EXPORT on entity type {@code export}, the list as id, filters and rows as after. */
@Component
class AuditedExports implements ExportAudit {

    private final AuditTrail trail;

    AuditedExports(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void exported(Viewer viewer, String list, ExportFormat format, Map<String, ?> filters, long rows, boolean complete) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("format", format.extension());
        after.put("filters", filters);
        after.put("rows", rows);
        after.put("complete", complete);
        trail.record(new Change("EXPORT", "export", list, viewer.teamId(), viewer.repId(), null, after, null));
    }
}
