package dev.fairlead.work;

import java.time.Instant;

/** A contact with a lead: how, what came of it, and what happens next. */
public record FollowUp(
        long id,
        long leadId,
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
