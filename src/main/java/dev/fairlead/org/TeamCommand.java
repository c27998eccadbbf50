package dev.fairlead.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Create or change a team. {@code version}, when given on update, must match the stored one. */
public record TeamCommand(
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
        @NotNull(message = "{validation.required}") TeamKind kind,
        Long parentId,
        Integer version) {}
