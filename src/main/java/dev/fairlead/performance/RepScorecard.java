package dev.fairlead.performance;

import dev.fairlead.performance.domain.Scorecard;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A rep's scorecard for a period under a scheme version: live while the period is open (and until it
 * is frozen), or the frozen snapshot ({@code frozenAt}; {@code recalculationReason} when it was recalculated).
 */
public record RepScorecard(
        long repId,
        String repName,
        long teamId,
        String teamName,
        String period,
        LocalDate from,
        LocalDate until,
        long schemeId,
        String schemeName,
        int schemeVersion,
        String currency,
        Instant frozenAt,
        String recalculationReason,
        Scorecard card) {

    /** This card as frozen at {@code at} (and recalculated for {@code reason}, when not null). */
    public RepScorecard frozenAt(Instant at, String reason) {
        return new RepScorecard(repId, repName, teamId, teamName, period, from, until, schemeId, schemeName, schemeVersion, currency, at,
                reason, card);
    }

    /** The card's total after its gate, for modules that show scores without reading the card itself (insights' reports). */
    public java.math.BigDecimal total() {
        return card.total();
    }

    public boolean frozen() {
        return frozenAt != null;
    }
}
