package dev.fairlead.performance;

import java.util.List;

/** The points of one rep or of a team's reps over a period: the lines, newest first, and the totals per rep. */
public record PointsLedger(String period, long total, List<RepTotal> totals, List<PointsEntry> entries) {

    /** A rep's points in the period. */
    public record RepTotal(long repId, String repName, String teamName, long points) {}
}
