package dev.fairlead.work;

import java.time.Instant;

/**
 * A contact with a lead, a deal or a customer: how, what came of it, and what happens next. One
 * logged on a deal also names the deal's lead and customer (it is activity for them too).
 */
public record FollowUp(
        long id,
        Long leadId,
        Long dealId,
        String dealName,
        Long customerId,
        String customerName,
        Long repId,
        String repName,
        String author,
        FollowUpKind kind,
        String notes,
        FollowUpOutcome outcome,
        String nextStep,
        Instant nextFollowUpAt,
        Instant occurredAt,
        Long taskId) {}
