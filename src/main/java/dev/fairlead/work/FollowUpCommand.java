package dev.fairlead.work;

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
        @Size(max = 4000, message = "{validation.size.max}") String notes,
        @Size(max = 500, message = "{validation.size.max}") String nextStep,
        Instant occurredAt,
        Instant nextFollowUpAt) {

    public FollowUpCommand {
        notes = notes == null || notes.isBlank() ? null : notes.trim();
        nextStep = nextStep == null || nextStep.isBlank() ? null : nextStep.trim();
    }
}
