package dev.fairlead.deals;

import java.time.Instant;

/** A deal was created (directly or by converting a lead). */
public record DealOpened(long dealId, Long leadId, Long customerId, long repId, long teamId, Instant at) {}
