package dev.fairlead.goals;

import jakarta.validation.constraints.DecimalMax;
import java.math.BigDecimal;

/**
 * A new goal. The unit is {@code teamId} (company, region or team) or {@code repId}; {@code period} is a
 * label such as {@code 2026}, {@code 2026-Q1}, {@code 2026-03}, {@code 2026-W10} or {@code 2026-03-05};
 * {@code ownerUserId} null means the caller. Base and stretch are optional tiers around the target.
 */
public record GoalCommand(
        GoalMetric metric,
        Long teamId,
        Long repId,
        String period,
        @DecimalMax(value = "99999999999999", message = "{validation.max}") BigDecimal target,
        @DecimalMax(value = "99999999999999", message = "{validation.max}") BigDecimal base,
        @DecimalMax(value = "99999999999999", message = "{validation.max}") BigDecimal stretch,
        Long ownerUserId) {}
