package dev.fairlead.leads;

import java.time.Instant;

/** A lead got an owner (first assignment, reassignment or claim from a pool). */
public record LeadAssigned(long leadId, long repId, Long previousRepId, Long previousPoolId, String reason, Instant at) {}
