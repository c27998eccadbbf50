package dev.fairlead.leads;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Something the lead did that signals interest, with when it happened. */
public record Behaviour(
        @NotNull(message = "{validation.required}") BehaviourKind kind,
        @Size(max = 200, message = "{validation.size.max}") String detail,
        @NotNull(message = "{validation.required}") Instant occurredAt) {}
