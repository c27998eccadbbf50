package dev.fairlead.work;

import java.time.Instant;
import java.util.List;

/**
 * A task for one rep. Subtasks are tasks with a parent; a task with required subtasks is done when
 * they are. {@code workloadPoints} counts towards the owner's load while the task is open.
 */
public record Task(
        long id,
        Long parentId,
        String title,
        String description,
        long ownerRepId,
        String ownerName,
        long ownerTeamId,
        String typeCode,
        int workloadPoints,
        boolean important,
        boolean urgent,
        TaskStatus status,
        boolean required,
        Instant dueAt,
        Long leadId,
        String leadLabel,
        Long dealId,
        String dealName,
        Long customerId,
        String customerName,
        String createdBy,
        Instant createdAt,
        Instant completedAt,
        List<Task> subtasks,
        int version) {

    public Quadrant quadrant() {
        return Quadrant.of(important, urgent);
    }

    public boolean overdueAt(Instant now) {
        return status.isOpen() && dueAt != null && dueAt.isBefore(now);
    }

    public long openRequiredSubtasks() {
        return subtasks.stream().filter(s -> s.required() && s.status().isOpen()).count();
    }
}
