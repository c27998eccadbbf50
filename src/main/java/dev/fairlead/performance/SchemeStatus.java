package dev.fairlead.performance;

/** A scheme version's life, as rule sets have it: edited as a draft, then active (one per audience and period kind), then retired. */
public enum SchemeStatus {
    DRAFT, ACTIVE, RETIRED
}
