package dev.fairlead.audit;

import java.time.Instant;

/** Optional filters for reading the trail; null means "any". Page numbers start at 0. */
public record AuditFilter(
        String entityType, String entityId, String actor, String action, Instant from, Instant to, int page, int size) {

    public AuditFilter {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 500);
    }

    public static AuditFilter forEntity(String entityType, Object entityId) {
        return new AuditFilter(entityType, String.valueOf(entityId), null, null, null, null, 0, 50);
    }
}
