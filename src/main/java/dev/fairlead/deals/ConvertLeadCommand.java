package dev.fairlead.deals;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Turning a lead into a deal: every field may be left out (name from the company, amount from the lead's budget). */
public record ConvertLeadCommand(
        @Size(max = 200, message = "{validation.size.max}") String name,
        @DecimalMin(value = "0", message = "{validation.min}") @DecimalMax(value = "999999999999", message = "{validation.max}") BigDecimal amount,
        String currency,
        LocalDate expectedClose,
        @Size(max = 500, message = "{validation.size.max}") String reason) {}
