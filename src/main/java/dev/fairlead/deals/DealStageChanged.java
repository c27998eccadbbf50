package dev.fairlead.deals;

import java.time.Instant;

/** A deal moved from one stage to another (including to won or lost). */
public record DealStageChanged(long dealId, Long leadId, long repId, long teamId, String fromStage, String toStage, Instant at) {}
