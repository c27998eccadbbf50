package dev.fairlead.insights;

import dev.fairlead.insights.domain.AlertKind;
import java.time.Instant;
import java.util.Map;

/**
 * An alert a rule raised about a rep or a pool: why (the figures it fired on), the records behind it
 * (link), and where it stands: open (maybe acknowledged, maybe snoozed until a time) or closed when the
 * condition cleared.
 */
public record Alert(long id, long ruleId, AlertKind kind, long teamId, String subjectKind, long subjectId, String subjectName,
        Map<String, Object> figures, String link, Instant openedAt, Instant notifiedAt, Instant acknowledgedAt,
        String acknowledgedBy, Instant snoozedUntil, Instant closedAt) {

    /** The figures in the kind's order ({@link AlertKind#figures()}), for messages. */
    public Object[] figureValues() {
        return kind.figures().stream().map(figures::get).toArray();
    }

    public boolean open() {
        return closedAt == null;
    }

    public boolean snoozedAt(Instant now) {
        return snoozedUntil != null && snoozedUntil.isAfter(now);
    }
}
