package dev.fairlead.routing;

import java.time.Instant;
import java.util.List;

/**
 * A lead that arrived when nobody who could take it was working, and when it will be routed.
 *
 * @param teamIds the teams whose reps it waits for
 */
public record WaitingLead(long leadId, String company, String contactName, String grade, Instant arrivedAt, Instant routeAfter,
        List<Long> teamIds) {}
