package dev.fairlead.work;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A new task. {@code ownerRepId} defaults to the signed-in rep (a subtask: the parent's owner);
 * {@code parentId} makes it a subtask, {@code required} (default true) says whether the parent waits for it.
 */
public record TaskCommand(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}") String title,
        @Size(max = 2000, message = "{validation.size.max}") String description,
        Long ownerRepId,
        String typeCode,
        boolean important,
        boolean urgent,
        Instant dueAt,
        Long leadId,
        Long parentId,
        Boolean required) {

    public TaskCommand {
        title = title == null ? null : title.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        typeCode = typeCode == null || typeCode.isBlank() ? null : typeCode.trim();
    }
}
