package dev.fairlead.routing;

import java.util.List;

/** What a bulk reassignment did with each lead: the new owner, or the pool when nobody was eligible. */
public record BulkResult(long fromRepId, int reassigned, int pooled, List<Moved> leads) {

    public record Moved(long leadId, Long toRepId, Long poolId) {}
}
