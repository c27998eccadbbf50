package dev.fairlead.work;

import java.time.Instant;

/**
 * One event in a lead's life as the lead page shows it: a follow-up, a change of owner (with the
 * assignment's explanation as its reason), an SLA event, a task.
 *
 * @param kind FOLLOW_UP, MOVE, SLA or TASK
 * @param code what happened within the kind (follow-up kind, move cause, SLA event, task status), for the label
 */
public record TimelineEntry(Instant at, String kind, String code, String summary, String detail, String actor) {}
