package dev.fairlead.deals;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A team's own open stages, in order (won and lost are added by the system). */
public record PipelineCommand(
        @NotEmpty(message = "{validation.required}") @Size(max = 12, message = "{validation.size.max}") List<@Valid @NotNull Stage> stages,
        @Size(max = 500, message = "{validation.size.max}") String reason) {

    public record Stage(
            @NotBlank(message = "{validation.required}") @Pattern(regexp = "[a-z][a-z0-9_]{0,31}", message = "{deal.stage.code.pattern}") String code,
            @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size.max}") String nameEn,
            @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size.max}") String nameZh,
            @NotNull(message = "{validation.required}") @Min(value = 0, message = "{validation.min}") @Max(value = 100, message = "{validation.max}") Integer probability) {}
}
