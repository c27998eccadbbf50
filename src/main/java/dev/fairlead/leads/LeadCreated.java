package dev.fairlead.leads;

import java.time.Instant;

/** A new lead was stored (not a merged duplicate); routing takes it from here. */
public record LeadCreated(long leadId, Instant at) {}
