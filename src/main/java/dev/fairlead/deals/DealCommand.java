package dev.fairlead.deals;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A deal as created or edited. {@code ownerRepId} null means the caller's own rep profile;
 * {@code stage} null means the pipeline's first stage, {@code probability} null the stage's
 * default. On edit the stage is left alone (moves go through a {@link StageMove}).
 */
public record DealCommand(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}") String name,
        Long leadId,
        Long customerId,
        Long ownerRepId,
        @NotNull(message = "{validation.required}") @DecimalMin(value = "0", message = "{validation.min}")
        @DecimalMax(value = "999999999999", message = "{validation.max}") BigDecimal amount,
        String currency,
        String stage,
        @Min(value = 0, message = "{validation.min}") @Max(value = 100, message = "{validation.max}") Integer probability,
        LocalDate expectedClose,
        Integer version) {}
