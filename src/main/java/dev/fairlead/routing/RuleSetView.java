package dev.fairlead.routing;

import java.time.Instant;
import java.util.List;

/** One version of the assignment rules. {@code rowVersion} guards concurrent edits of a draft. */
public record RuleSetView(long id, int version, String name, RuleSetStatus status, Long basedOn, List<RuleDefinition> rules,
        String createdBy, Instant createdAt, String activatedBy, Instant activatedAt, int rowVersion) {}
