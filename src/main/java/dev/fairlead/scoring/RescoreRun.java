package dev.fairlead.scoring;

import java.time.Instant;

/**
 * Re-scoring of the open leads after a scoring rule set was activated: how many open leads carried a
 * score from another version when it started, how many have been re-scored and how many of those
 * changed grade. A newer activation supersedes a run that is still going.
 */
public record RescoreRun(long id, long ruleSetId, int ruleSetVersion, Status status, int total, int rescored,
        int gradeChanges, Instant startedAt, String startedBy, Instant finishedAt) {

    public enum Status { RUNNING, DONE, SUPERSEDED }

    /** Percentage done, 0–100 (a run with nothing to do is complete). */
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * rescored / total));
    }
}
