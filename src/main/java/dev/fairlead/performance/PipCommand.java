package dev.fairlead.performance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Opens a plan for a rep: period, goals (one per metric), the support given, check-in dates within the period. */
public record PipCommand(
        @NotNull Long repId,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull PipGoal> goals,
        @Size(max = 2000) String support,
        @Size(max = 26) List<@NotNull LocalDate> checkInDates) {}
