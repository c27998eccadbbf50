package dev.fairlead.routing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A manager gives a lead to a rep; the reason is mandatory. {@code overrideCaps} lets the rep go past a cap. */
public record ManualAssignment(
        @NotNull(message = "{validation.required}") Long repId,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size.max}") String reason,
        Boolean overrideCaps) {

    public ManualAssignment {
        overrideCaps = Boolean.TRUE.equals(overrideCaps);
    }
}
