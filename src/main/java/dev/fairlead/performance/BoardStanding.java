package dev.fairlead.performance;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * A leaderboard as the reader may see it for a period. In {@code NAMES} mode rows name the rep (or
 * team) and carry its id; in pseudonym and number modes only the reader's own row is named and no row
 * carries an id; in own-rank mode a rep gets their own row only. {@code unit} is MONEY (in
 * {@code currency}), COUNT, PERCENT or SCORE; {@code participants} how many were ranked.
 */
public record BoardStanding(BoardKind kind, BoardMeasure measure, DisplayMode displayMode, BoardVisibility visibility, String period,
        String previousPeriod, String unit, String currency, int participants, List<Row> rows) {

    /** One place: {@code rank} null when there was nothing to rank (no previous value to improve on). */
    @Schema(name = "BoardRow")
    public record Row(Integer rank, String label, BigDecimal value, boolean mine, Long repId, Long teamId) {}
}
