package dev.fairlead.work;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A new task. {@code ownerRepId} defaults to the signed-in rep (a subtask: the parent's owner);
 * {@code parentId} makes it a subtask, {@code required} (default true) says whether the parent waits for it.
 * It may link to a lead, a deal and a customer the viewer can see; a deal brings its lead and customer
 * when those are not given (a subtask: the parent's links). {@code important} and {@code urgent} default to false.
 */
public record TaskCommand(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}") String title,
        @Size(max = 2000, message = "{validation.size.max}") String description,
        Long ownerRepId,
        String typeCode,
        Boolean important,
        Boolean urgent,
        Instant dueAt,
        Long leadId,
        Long parentId,
        Boolean required,
        Long dealId,
        Long customerId) {

    /** A task linked to a lead at most. */
    public TaskCommand(String title, String description, Long ownerRepId, String typeCode, boolean important, boolean urgent,
            Instant dueAt, Long leadId, Long parentId, Boolean required) {
        this(title, description, ownerRepId, typeCode, important, urgent, dueAt, leadId, parentId, required, null, null);
    }

    public TaskCommand {
        title = title == null ? null : title.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        typeCode = typeCode == null || typeCode.isBlank() ? null : typeCode.trim();
        important = Boolean.TRUE.equals(important);
        urgent = Boolean.TRUE.equals(urgent);
    }
}
