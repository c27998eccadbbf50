package dev.fairlead.goals;

import java.math.BigDecimal;

/** The running actual at the end of one piece of a goal's period, next to where linear pace would be. */
public record TrendPoint(String label, BigDecimal actual, BigDecimal pace) {}
