package dev.fairlead.leads;

import java.time.Instant;

/** A reviewer stored a corrected value of a field set aside at intake, so derived data such as the score may change. */
public record LeadCorrected(long leadId, String field, Instant at) {}
