package dev.fairlead.routing;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Replay the leads created from {@code from} to {@code to} (both inclusive) through a rule set and the active one. */
public record BacktestRequest(
        @NotNull(message = "{validation.required}") Long ruleSetId,
        @NotNull(message = "{validation.required}") LocalDate from,
        @NotNull(message = "{validation.required}") LocalDate to) {}
