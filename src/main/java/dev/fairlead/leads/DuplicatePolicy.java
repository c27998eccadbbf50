package dev.fairlead.leads;

/** What happens to a lead that matches an open lead already stored: merged into it, or stored and flagged for review. */
public enum DuplicatePolicy {
    MERGE, FLAG
}
