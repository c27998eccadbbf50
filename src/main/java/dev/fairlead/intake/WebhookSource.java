package dev.fairlead.intake;

import dev.fairlead.leads.LeadSource;
import java.time.Instant;

/** A web form or ad platform allowed to post leads; the secret itself is never part of this record. */
public record WebhookSource(Long id, String name, LeadSource leadSource, boolean active, boolean configured,
        Instant createdAt, String createdBy, Instant rotatedAt) {}
