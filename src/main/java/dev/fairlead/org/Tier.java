package dev.fairlead.org;

/** Seniority band of a rep; tiered assignment routes high-grade leads to senior and key-account reps. */
public enum Tier {
    NEW, REGULAR, SENIOR, KEY_ACCOUNT
}
