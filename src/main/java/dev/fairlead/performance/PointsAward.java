package dev.fairlead.performance;

/** A one-off award: to which rep, how many points (1–1000) and why. */
public record PointsAward(Long repId, Integer points, String reason) {}
