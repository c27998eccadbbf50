package dev.fairlead.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The content of a draft: its name and ordered rules; {@code rowVersion} as read (null skips the check). */
public record RuleSetCommand(
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
        @Size(max = 50, message = "{validation.size.max}") List<@Valid @NotNull(message = "{validation.required}") RuleDefinition> rules,
        Integer rowVersion) {

    public RuleSetCommand {
        rules = rules == null ? List.of() : rules;
    }
}
