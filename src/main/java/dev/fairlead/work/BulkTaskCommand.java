package dev.fairlead.work;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One task for every active rep of a team and its sub-teams, e.g. "Call back last month's trade-fair visitors". */
public record BulkTaskCommand(
        @NotNull(message = "{validation.required}") Long teamId,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}") String title,
        @Size(max = 2000, message = "{validation.size.max}") String description,
        String typeCode,
        boolean important,
        boolean urgent,
        Instant dueAt) {}
