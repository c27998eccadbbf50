package dev.fairlead.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A performance improvement plan (PIP, 绩效改进计划) of a rep: goals on KPI metrics for a period,
 * the support the manager gives, check-in dates, the check-ins held and, once closed, the outcome.
 * HR-sensitive: only the rep, the managers of the rep's team and above, and directors read it.
 */
public record Pip(
        long id,
        long repId,
        String repName,
        long teamId,
        String teamName,
        LocalDate startsOn,
        LocalDate endsOn,
        List<PipGoal> goals,
        String support,
        List<LocalDate> checkInDates,
        PipStatus status,
        String outcomeNote,
        String openedBy,
        Instant openedAt,
        String closedBy,
        Instant closedAt,
        List<PipCheckIn> checkIns,
        int rowVersion) {

    public Pip {
        goals = List.copyOf(goals);
        checkInDates = List.copyOf(checkInDates);
        checkIns = List.copyOf(checkIns);
    }

    /** The first planned check-in date on or after {@code today}, or null when none is left. */
    public LocalDate nextCheckIn(LocalDate today) {
        return status.running() ? checkInDates.stream().filter(d -> !d.isBefore(today)).findFirst().orElse(null) : null;
    }

    public Pip withCheckIns(List<PipCheckIn> held) {
        return new Pip(id, repId, repName, teamId, teamName, startsOn, endsOn, goals, support, checkInDates, status, outcomeNote, openedBy,
                openedAt, closedBy, closedAt, held, rowVersion);
    }
}
