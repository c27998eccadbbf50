package dev.fairlead.filters;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Save the current filter of {@code list} as {@code name}; {@code query} is the list's query string (a leading ? is dropped). */
public record SavedFilterCommand(
        @NotNull(message = "{validation.required}") FilteredList list,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size.max}") String name,
        @Size(max = 1000, message = "{validation.size.max}") String query) {

    public SavedFilterCommand {
        name = name == null ? null : name.strip();
        query = query == null ? "" : query.strip();
        if (query.startsWith("?")) {
            query = query.substring(1);
        }
    }
}
