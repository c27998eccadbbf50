package dev.fairlead.performance;

import io.swagger.v3.oas.annotations.media.Schema;

/** A one-off award: to which rep, how many points (1–1000) and why. */
public record PointsAward(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long repId, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer points, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {}
