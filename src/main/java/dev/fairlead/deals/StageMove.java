package dev.fairlead.deals;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Moving a deal to another stage. Lost needs {@code lostReason}; won may give {@code wonOn} (default
 * today, never in the future); {@code probability} null takes the new stage's default.
 */
public record StageMove(
        @NotBlank(message = "{validation.required}") String stage,
        @Min(value = 0, message = "{validation.min}") @Max(value = 100, message = "{validation.max}") Integer probability,
        @Size(max = 500, message = "{validation.size.max}") String lostReason,
        LocalDate wonOn,
        @Size(max = 500, message = "{validation.size.max}") String reason) {

    public static StageMove to(String stage) {
        return new StageMove(stage, null, null, null, null);
    }
}
