package dev.fairlead.work;

import java.time.Instant;

/** Someone followed up on a lead, deal or customer (for activity KPIs and alerts in other modules). */
public record FollowUpLogged(long followUpId, Long leadId, Long dealId, Long customerId, Long repId, FollowUpKind kind, FollowUpOutcome outcome, Instant occurredAt) {}
