package dev.fairlead.work;

import java.time.Instant;

/**
 * A task was marked done (by its owner, a manager, or because its last required subtask was): for
 * incentive points and activity KPIs in other modules. {@code onTime} when it had no due time or was
 * done by it. A task re-opened and done again publishes this again with the same {@code taskId}.
 */
public record TaskDone(long taskId, long repId, long teamId, Instant dueAt, boolean onTime, Instant at) {}
