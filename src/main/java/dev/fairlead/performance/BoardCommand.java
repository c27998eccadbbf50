package dev.fairlead.performance;

/** A leaderboard's new configuration; {@code version} is the one read (optimistic lock), null to skip the check. */
public record BoardCommand(DisplayMode displayMode, BoardVisibility visibility, BoardMeasure measure, Boolean enabled, Integer version) {}
