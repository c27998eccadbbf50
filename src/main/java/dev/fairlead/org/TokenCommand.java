package dev.fairlead.org;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record TokenCommand(
        @Schema(description = "The user the token acts as; with HTTP Basic, leave out (the caller's own token)", example = "3",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED) @NotNull(message = "{validation.required}") Long userId,
        @Schema(example = "CRM sync") @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
        @Schema(description = "None: it does not expire", example = "2027-06-30T00:00:00Z") Instant expiresAt) {}
