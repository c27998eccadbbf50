package dev.fairlead.work;

import java.time.Instant;

/**
 * The first follow-up on a lead after it was assigned to {@code repId} met that assignment's
 * first-contact SLA timer ({@code timerId}): {@code withinSla} when the timer was still running, false
 * when it had already been breached (a late first contact). Published once per timer.
 */
public record FirstContactMade(long timerId, long leadId, long repId, boolean withinSla, Instant at) {}
