package dev.fairlead.goals;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Setting a goal's target by hand, with the reason; the goal is then locked against re-splits. */
public record AdjustCommand(
        @NotNull(message = "{validation.required}") @DecimalMin(value = "0", message = "{validation.min}")
        @DecimalMax(value = "99999999999999", message = "{validation.max}") BigDecimal target,
        @NotBlank(message = "{goal.adjust.reasonRequired}") @Size(max = 500, message = "{validation.size.max}") String reason,
        Integer version) {}
