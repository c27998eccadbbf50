package dev.fairlead.insights;

import dev.fairlead.insights.domain.AlertKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;

/**
 * A team's alert rule: what to watch (with the thresholds {@link AlertKind} describes) over the team and
 * the teams below it, and the quiet hours in which no notification goes out (from may be after until: overnight).
 */
public record AlertRule(long id, long teamId, String teamName, AlertKind kind, BigDecimal threshold, BigDecimal threshold2,
        LocalTime quietFrom, LocalTime quietUntil, boolean enabled, Instant createdAt, int version) {

    public boolean quietAt(LocalTime time) {
        if (quietFrom == null || quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil) ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
