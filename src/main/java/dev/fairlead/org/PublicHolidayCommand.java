package dev.fairlead.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Adds or changes a day of the public holiday calendar; {@code working} (a make-up working day) is false when not given. */
public record PublicHolidayCommand(
        @NotNull(message = "{validation.required}") LocalDate day,
        Boolean working,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size.max}") String name) {

    public boolean workingDay() {
        return Boolean.TRUE.equals(working);
    }
}
