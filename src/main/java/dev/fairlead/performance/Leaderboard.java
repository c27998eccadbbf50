package dev.fairlead.performance;

import java.time.Instant;

/** A leaderboard's configuration (directors and admins change it, audited). {@code measure} only for improvement and teams. */
public record Leaderboard(BoardKind kind, BoardMeasure measure, DisplayMode displayMode, BoardVisibility visibility, boolean enabled,
        int version, String updatedBy, Instant updatedAt) {}
