package dev.fairlead.leads;

import java.time.Instant;
import java.util.List;

/**
 * A chunk of new leads was stored at once (an import), in this order. Published inside the storing
 * transaction instead of a {@link LeadCreated} per lead, so listeners do set-based what they would
 * otherwise do lead by lead: scoring scores the whole chunk, then routing routes it (decision 0209).
 */
public record LeadsCreated(List<Long> leadIds, Instant at) {}
