package dev.fairlead.leads;

import java.time.Instant;

/** A lead went to a public pool: nobody eligible, released by its owner, or recovered. */
public record LeadPooled(long leadId, Long poolId, Long previousRepId, String reason, Instant at) {}
