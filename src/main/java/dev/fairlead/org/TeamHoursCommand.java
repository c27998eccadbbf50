package dev.fairlead.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;

/**
 * A team's working hours as set by a manager; {@code timeZone} an IANA name such as {@code Asia/Shanghai}.
 * {@code publicHolidays} and {@code holdOffHours} are true when not given.
 */
public record TeamHoursCommand(
        @NotNull(message = "{validation.required}") LocalTime startsAt,
        @NotNull(message = "{validation.required}") LocalTime endsAt,
        @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.size.max}") String timeZone,
        Boolean publicHolidays,
        Boolean holdOffHours) {

    public boolean keepsPublicHolidays() {
        return publicHolidays == null || publicHolidays;
    }

    public boolean holdsOffHours() {
        return holdOffHours == null || holdOffHours;
    }
}
