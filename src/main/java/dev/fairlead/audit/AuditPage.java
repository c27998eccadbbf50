package dev.fairlead.audit;

import java.util.List;

public record AuditPage(List<AuditEntry> items, long total, int page, int size) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
