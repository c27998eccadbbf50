package dev.fairlead.performance;

import java.math.BigDecimal;
import java.util.List;

/**
 * A draft scheme run on a past period for the reps it would score (within the caller's scope), next to
 * what the active scheme gives them: who gains and who loses. {@code current} is null for a rep the
 * active schemes do not score.
 */
public record Simulation(long schemeId, String period, List<Row> rows, int gainers, int losers) implements java.io.Serializable {

    public record Row(long repId, String repName, String teamName, BigDecimal current, BigDecimal simulated, BigDecimal change) implements java.io.Serializable {}
}
