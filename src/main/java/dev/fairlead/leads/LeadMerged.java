package dev.fairlead.leads;

import java.time.Instant;

/** A duplicate was merged into an existing lead (new fields or behaviour events), so derived data such as the score may change. */
public record LeadMerged(long leadId, long mergeId, Instant at) {}
