package dev.fairlead.work;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A follow-up as logged. {@code occurredAt} defaults to now; a {@code nextFollowUpAt} creates a
 * follow-up task for the lead's owner, due then.
 */
public record FollowUpCommand(
        @NotNull(message = "{validation.required}") FollowUpKind kind,
        @NotNull(message = "{validation.required}") FollowUpOutcome outcome,
        @Schema(example = "Called; interested in the CRM trial, wants a quote") @Size(max = 4000, message = "{validation.size.max}") String notes,
        @Size(max = 500, message = "{validation.size.max}") String nextStep,
        @Schema(description = "When it happened; now if left out", example = "2026-12-07T09:30:00Z") Instant occurredAt,
        @Schema(description = "When to follow up next: creates a task due then", example = "2026-12-09T02:00:00Z") Instant nextFollowUpAt) {

    public FollowUpCommand {
        notes = notes == null || notes.isBlank() ? null : notes.trim();
        nextStep = nextStep == null || nextStep.isBlank() ? null : nextStep.trim();
    }
}
