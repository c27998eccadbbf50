package dev.fairlead.work;

import java.time.Instant;

/** The owner of a lead was reminded that its first-contact deadline is near. */
public record SlaWarned(long leadId, String leadLabel, long repId, String repName, long teamId, Instant dueAt) {}
