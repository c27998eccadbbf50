package dev.fairlead.surveys;

import java.time.Instant;

/**
 * A satisfaction survey as Fairlead's users read it: about a won deal ({@code followUpId} null) or a
 * visit ({@code followUpId} set, {@code dealId} its deal if any); {@code rating} 1–5 and
 * {@code comment} once answered. The link's token is never kept, only its hash.
 */
public record Survey(
        long id,
        Long dealId,
        Long followUpId,
        Long customerId,
        long repId,
        String repName,
        long teamId,
        String subjectName,
        Instant visitedAt,
        String companyName,
        String contactName,
        String email,
        String locale,
        String sentBy,
        Instant createdAt,
        Instant expiresAt,
        Instant answeredAt,
        Integer rating,
        String comment) {

    public enum State {
        OPEN, ANSWERED, EXPIRED
    }

    public State stateAt(Instant now) {
        if (answeredAt != null) {
            return State.ANSWERED;
        }
        return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
    }

    public boolean visit() {
        return followUpId != null;
    }
}
