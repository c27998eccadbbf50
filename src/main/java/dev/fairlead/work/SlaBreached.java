package dev.fairlead.work;

import java.time.Instant;

/** A lead's first-contact deadline passed without a follow-up by its owner. */
public record SlaBreached(long leadId, String leadLabel, long repId, String repName, long teamId, Instant dueAt) {}
