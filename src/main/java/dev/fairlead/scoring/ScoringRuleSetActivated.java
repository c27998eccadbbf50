package dev.fairlead.scoring;

/** A scoring rule set became active; {@code rescoreRunId} is the run that re-scores the open leads with it. */
public record ScoringRuleSetActivated(long ruleSetId, int version, long rescoreRunId) {}
