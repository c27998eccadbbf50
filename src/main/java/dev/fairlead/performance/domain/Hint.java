package dev.fairlead.performance.domain;

import java.math.BigDecimal;

/**
 * The next threshold of a dimension worth reaching: {@code more} of the metric (in its unit; percentage
 * points for a percentage) takes the actual to {@code reach}, which raises the scorecard total by {@code gain}.
 */
public record Hint(Metric metric, Kind kind, BigDecimal more, BigDecimal reach, BigDecimal gain) {

    /** What the level is: the gate's line, the next step, the target (100%), the linear curve's cap. */
    public enum Kind { GATE, STEP, TARGET, CAP }
}
