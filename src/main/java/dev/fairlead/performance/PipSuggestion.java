package dev.fairlead.performance;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rep whose frozen scorecards stayed below the threshold for the last closed periods and who has no
 * running plan: a suggestion to talk about a plan, never a plan opened on its own.
 */
public record PipSuggestion(long repId, String repName, String teamName, List<String> periods, List<BigDecimal> scores) {}
