package dev.fairlead.goals;

import java.math.BigDecimal;

/** One territory's market potential: kind PROVINCE, CITY or POSTAL_PREFIX, its code and the amount. */
public record TerritoryPotential(String kind, String code, BigDecimal potential) {}
