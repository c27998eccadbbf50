package dev.fairlead.deals;

import java.time.Instant;

/** A deal was lost, with the reason the rep gave. */
public record DealLost(long dealId, Long leadId, long repId, long teamId, String fromStage, String reason, Instant at) {}
