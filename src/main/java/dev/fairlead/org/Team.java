package dev.fairlead.org;

import java.time.Instant;

public record Team(
        long id, String name, TeamKind kind, Long parentId, String parentName, boolean active, int activeReps,
        Instant createdAt, int version) {}
