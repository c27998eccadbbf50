package dev.fairlead.performance;

import dev.fairlead.org.Tier;

/** Whom a scheme scores: reps of one tier, or every rep whose tier has no active scheme of its own. */
public enum Audience {
    ALL, NEW, REGULAR, SENIOR, KEY_ACCOUNT;

    public static Audience of(Tier tier) {
        return valueOf(tier.name());
    }
}
