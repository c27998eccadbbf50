package dev.fairlead.scoring.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One scoring criterion: when it matches it adds {@code points} (negative points subtract). For
 * {@link CriterionKind#BEHAVIOUR} the points count per matching event, up to {@code maxCount}.
 */
public record Criterion(String id, CriterionGroup group, CriterionKind kind, String label, List<String> values,
        BigDecimal min, BigDecimal max, Integer withinDays, Integer maxCount, int points) {

    public Criterion {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
