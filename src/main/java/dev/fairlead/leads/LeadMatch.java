package dev.fairlead.leads;

/** A lead found by a search: what a result line shows. {@code ownerName} is null for a lead nobody owns. */
public record LeadMatch(long id, String contactName, String company, LeadStatus status, String ownerName, boolean pooled) {}
