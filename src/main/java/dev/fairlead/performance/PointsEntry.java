package dev.fairlead.performance;

import java.time.Instant;

/**
 * One line of a rep's points ledger: how many points, why ({@code reason}; {@code note} the award's
 * reason in words), when it happened, and from which record ({@code sourceType} and {@code sourceId}:
 * the follow-up, SLA timer, deal or task; none for an award, which names who granted it).
 */
public record PointsEntry(long id, long repId, String repName, long teamId, String teamName, int points, PointsAction reason,
        String sourceType, Long sourceId, String note, String grantedBy, Instant occurredAt, Instant recordedAt) {}
