package dev.fairlead.org;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Create or change a team. {@code version}, when given on update, must match the stored one. */
public record TeamCommand(
        @Schema(example = "上海一组") @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
        @NotNull(message = "{validation.required}") TeamKind kind,
        @Schema(description = "The parent team (a region or company); none for the company itself", example = "2") Long parentId,
        @Schema(description = "Send back the version you read when changing; a stale one is a 409") Integer version) {}
