package dev.fairlead.work;

import java.time.Instant;

/** Someone followed up on a lead (for activity KPIs and alerts in other modules). */
public record FollowUpLogged(long followUpId, long leadId, Long repId, FollowUpKind kind, FollowUpOutcome outcome, Instant occurredAt) {}
