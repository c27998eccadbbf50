package dev.fairlead.deals;

import java.time.LocalDate;

/**
 * Which deals the funnel counts: created from {@code from} to {@code to} (both inclusive; null: open-ended),
 * in a team with its sub-teams, of a rep, of a lead source; broken down {@code by} rep, team, source or month.
 */
public record FunnelQuery(Long teamId, Long repId, String source, LocalDate from, LocalDate to, Breakdown by) {

    public enum Breakdown { REP, TEAM, SOURCE, MONTH }

    public FunnelQuery {
        by = by == null ? Breakdown.REP : by;
        source = source == null || source.isBlank() ? null : source.trim();
    }
}
