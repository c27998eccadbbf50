package dev.fairlead.routing;

/** A rule set version's life: edited as a draft, then active (exactly one at a time), then retired. */
public enum RuleSetStatus {
    DRAFT, ACTIVE, RETIRED
}
