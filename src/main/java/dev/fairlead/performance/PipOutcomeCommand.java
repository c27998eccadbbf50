package dev.fairlead.performance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Concludes a plan ({@code PASSED}, {@code ENDED}) or extends it to {@code extendTo} ({@code EXTENDED}), with why. */
public record PipOutcomeCommand(@NotNull PipOutcome outcome, LocalDate extendTo, @NotBlank @Size(max = 2000) String note) {}
