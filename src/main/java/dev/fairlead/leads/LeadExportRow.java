package dev.fairlead.leads;

/** A lead as its export shows it: the lead with the name of its owner's team (null when it has none). */
public record LeadExportRow(Lead lead, String teamName) {}
