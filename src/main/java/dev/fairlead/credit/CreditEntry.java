package dev.fairlead.credit;

import dev.fairlead.common.Money;
import dev.fairlead.credit.domain.CreditState;
import dev.fairlead.credit.domain.SplitPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal's result as submitted for confirmation ({@code RESULT}), or the entry that reverses a
 * confirmed one ({@code REVERSAL}: negative amounts, {@code reversesId} the original). Only entries
 * with a {@code confirmedOn} count as revenue, on that day.
 */
public record CreditEntry(
        long id,
        long dealId,
        String dealName,
        Kind kind,
        Long reversesId,
        long ownerRepId,
        String ownerName,
        long ownerTeamId,
        Money amount,
        LocalDate wonOn,
        SplitPolicy policy,
        String evidence,
        CreditState state,
        String reason,
        Instant submittedAt,
        String submittedBy,
        Instant approvedAt,
        String approvedBy,
        Instant confirmedAt,
        String confirmedBy,
        LocalDate confirmedOn,
        int version,
        List<CreditShare> shares) {

    public enum Kind {
        RESULT, REVERSAL
    }

    public CreditEntry {
        shares = List.copyOf(shares);
    }

    public CreditEntry withShares(List<CreditShare> list) {
        return new CreditEntry(id, dealId, dealName, kind, reversesId, ownerRepId, ownerName, ownerTeamId, amount, wonOn, policy,
                evidence, state, reason, submittedAt, submittedBy, approvedAt, approvedBy, confirmedAt, confirmedBy, confirmedOn,
                version, list);
    }
}
