package dev.fairlead.leads;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The record of one duplicate merged into a lead: what arrived, through which channel, what it added;
 * {@code fromLeadId} is the flagged lead a person merged from the review screen (null for a duplicate
 * merged as it arrived).
 */
public record LeadMerge(long id, long leadId, Instant mergedAt, String channel, DuplicateMatch match,
        Map<String, Object> incoming, List<String> filledFields, int behavioursAdded, Long fromLeadId) {}
