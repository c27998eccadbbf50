package dev.fairlead.routing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Hand on a rep's open leads through the engine (the rep is left out): all of them when the rep
 * leaves, or the {@code limit} newest when they are overloaded.
 */
public record BulkReassignment(
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size.max}") String reason,
        @Min(value = 1, message = "{validation.min}") @Max(value = 5000, message = "{validation.max}") Integer limit) {}
