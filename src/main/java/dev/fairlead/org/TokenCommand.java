package dev.fairlead.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record TokenCommand(
        @NotNull(message = "{validation.required}") Long userId,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
        Instant expiresAt) {}
