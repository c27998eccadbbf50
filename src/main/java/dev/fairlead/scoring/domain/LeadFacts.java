package dev.fairlead.scoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What scoring knows about a lead; enumerations as their names. */
public record LeadFacts(String source, String industry, String companySize, String title, String productInterest,
        BigDecimal budget, String provinceCode, String cityCode, List<Event> behaviours) {

    public record Event(String kind, Instant at) {}

    public LeadFacts {
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
    }
}
