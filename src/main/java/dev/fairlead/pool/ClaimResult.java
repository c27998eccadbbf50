package dev.fairlead.pool;

import java.util.List;

/** What became of a claim (or a manager's assignment from a pool): claimed, or refused with the reason. */
public sealed interface ClaimResult {

    long leadId();

    record Claimed(long leadId, long repId) implements ClaimResult {}

    /**
     * Refused; nothing changed. {@code reason} is a message key ({@code pool.claim.refused.<code>})
     * with {@code args}, so the refusal reads in the reader's language.
     */
    record Refused(long leadId, Reason reason, List<Object> args) implements ClaimResult {

        public String messageKey() {
            return "pool.claim.refused." + reason.name();
        }
    }

    enum Reason {
        /** Someone else got the lead first. */
        TAKEN,
        /** No longer in a pool (closed, or owned). */
        NOT_IN_POOL,
        DAILY_LIMIT,
        MAX_OWNED,
        COOL_DOWN,
        /** The rep's own caps (max open leads, new per day or month) or the rep is inactive. */
        REP_CAP
    }
}
