package dev.fairlead.work;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * First contact within {@code firstContactMinutes} of assignment (per lead grade; grade null is the
 * default), counted in working hours when {@code workingHours}; the owner is reminded
 * {@code remindBeforeMinutes} before the deadline; a breach is escalated to the managers and, with
 * {@code autoReassign}, the lead is taken back to its pool with the breach as the reason.
 */
public record SlaPolicy(
        @Pattern(regexp = "[ABCD]", message = "{work.sla.grade}") String grade,
        @Min(value = 1, message = "{validation.min}") @Max(value = 43200, message = "{validation.max}") int firstContactMinutes,
        @Min(value = 0, message = "{validation.min}") @Max(value = 43200, message = "{validation.max}") int remindBeforeMinutes,
        boolean workingHours,
        boolean autoReassign) {

    public SlaPolicy {
        grade = grade == null || grade.isBlank() ? null : grade.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
