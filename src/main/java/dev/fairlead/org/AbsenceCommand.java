package dev.fairlead.org;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record AbsenceCommand(
        @NotNull(message = "{validation.required}") LocalDate startsOn,
        @NotNull(message = "{validation.required}") LocalDate endsOn,
        @Size(max = 200, message = "{validation.size.max}") String reason) {}
