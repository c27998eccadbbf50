package dev.fairlead.performance;

import java.time.Instant;
import java.util.Map;

/** Points per action, company-wide (decision 0503); 0 pays nothing for that action. */
public record PointsPolicy(Map<PointsAction, Integer> points, String updatedBy, Instant updatedAt) {}
