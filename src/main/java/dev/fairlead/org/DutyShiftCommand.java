package dev.fairlead.org;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Puts a rep of the team on duty from {@code startsAt} until {@code endsAt}. */
public record DutyShiftCommand(
        @NotNull(message = "{validation.required}") Long repId,
        @NotNull(message = "{validation.required}") Instant startsAt,
        @NotNull(message = "{validation.required}") Instant endsAt,
        @Size(max = 200, message = "{validation.size.max}") String note) {}
