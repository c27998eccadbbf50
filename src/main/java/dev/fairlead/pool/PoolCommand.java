package dev.fairlead.pool;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A pool as created or changed; {@code version} guards against overwriting someone else's change. */
public record PoolCommand(
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
        @Size(max = 500, message = "{validation.size.max}") String description,
        @Min(value = 0, message = "{validation.min}") @Max(value = 1000, message = "{validation.max}") int claimsPerDay,
        @Min(value = 0, message = "{validation.min}") @Max(value = 100000, message = "{validation.max}") Integer maxOwnedLeads,
        boolean countWonCustomers,
        @Min(value = 0, message = "{validation.min}") @Max(value = 365, message = "{validation.max}") int coolDownDays,
        @Size(max = 100, message = "{validation.size.max}") List<@NotNull Long> teamIds,
        @Size(max = 5, message = "{validation.size.max}") List<@Valid @NotNull RecoveryRule> rules,
        Integer version) {

    public PoolCommand {
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
        rules = rules == null ? List.of() : List.copyOf(rules);
        name = name == null ? null : name.trim();
        description = description == null || description.isBlank() ? null : description.trim();
    }
}
