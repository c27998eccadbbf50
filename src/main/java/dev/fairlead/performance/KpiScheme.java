package dev.fairlead.performance;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.performance.domain.Dimension;
import java.time.Instant;
import java.util.List;

/** One version of a KPI scheme for an audience and a kind of period (weekly, monthly or quarterly scorecards). */
public record KpiScheme(
        long id,
        Audience audience,
        PeriodKind periodKind,
        int version,
        String name,
        SchemeStatus status,
        List<Dimension> dimensions,
        Long basedOn,
        String createdBy,
        Instant createdAt,
        String activatedBy,
        Instant activatedAt,
        int rowVersion) {

    public int weightSum() {
        return dimensions.stream().mapToInt(d -> d.weight() == null ? 0 : d.weight()).sum();
    }
}
