package dev.fairlead.pool;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * When a pool takes back a lead of this grade (null: any grade without its own rule): after
 * {@code noFollowUpDays} without a follow-up, or {@code noDealDays} after assignment without a deal;
 * the owner is warned {@code warnDays} before.
 */
public record RecoveryRule(
        @Pattern(regexp = "[ABCD]", message = "{pool.rule.grade}") String grade,
        @Min(value = 1, message = "{validation.min}") @Max(value = 3650, message = "{validation.max}") Integer noFollowUpDays,
        @Min(value = 1, message = "{validation.min}") @Max(value = 3650, message = "{validation.max}") Integer noDealDays,
        @Min(value = 0, message = "{validation.min}") @Max(value = 365, message = "{validation.max}") int warnDays) {

    public RecoveryRule {
        grade = grade == null || grade.isBlank() ? null : grade.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
