package dev.fairlead.routing;

import dev.fairlead.routing.domain.PeriodKind;
import java.time.LocalDate;

/** A rep's fairness balance for one period: points, expected value and number of leads received (net of leads taken away). */
public record LedgerLine(long repId, String repName, String teamName, PeriodKind period, LocalDate periodStart, double points,
        double expectedValue, int leads) {}
