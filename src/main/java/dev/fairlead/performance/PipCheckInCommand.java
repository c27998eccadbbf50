package dev.fairlead.performance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Records a check-in held on {@code onDate} (today by default). */
public record PipCheckInCommand(LocalDate onDate, @NotNull PipProgress progress, @NotBlank @Size(max = 2000) String note) {}
