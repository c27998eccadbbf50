package dev.fairlead.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One recorded change as readers see it, with the fields that differ between before and after. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String entityType,
        String entityId,
        Long teamId,
        Long repId,
        Map<String, Object> before,
        Map<String, Object> after,
        String reason,
        List<FieldChange> changes) {

    public record FieldChange(String field, Object from, Object to) {}

    /** The time in the server's zone, for pages. */
    public java.time.LocalDateTime occurredAtLocal() {
        return java.time.LocalDateTime.ofInstant(occurredAt, java.time.ZoneId.systemDefault());
    }
}
