package dev.fairlead.leads;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a reviewer decides about a set-aside field: {@code CORRECT} stores {@code value} (checked like
 * any lead field) on the lead, {@code DISMISS} drops it; {@code reason} goes to the audit trail.
 */
public record SetAsideResolution(
        @NotNull(message = "{validation.required}") Action action,
        @Size(max = 1000, message = "{validation.size.max}") String value,
        @Size(max = 500, message = "{validation.size.max}") String reason) {

    public enum Action { CORRECT, DISMISS }
}
