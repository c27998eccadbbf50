package dev.fairlead.scoring;

import dev.fairlead.scoring.domain.RuleSet;
import java.time.Instant;

/** One version of the scoring rules: a draft being edited, the active one, or a retired one. */
public record RuleSetVersion(long id, int version, Status status, RuleSet rules, String note, Instant createdAt,
        String createdBy, Instant activatedAt, String activatedBy) {

    public enum Status { DRAFT, ACTIVE, RETIRED }
}
