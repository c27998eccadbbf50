package dev.fairlead.performance.domain;

import java.math.BigDecimal;

/** A threshold of a step curve: from {@code atPercent} of the target on, {@code paysPercent} of the weight. */
public record Step(BigDecimal atPercent, BigDecimal paysPercent) {}
