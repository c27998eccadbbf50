package dev.fairlead.performance;

import dev.fairlead.performance.domain.Metric;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One goal of a plan, on a KPI dimension's metric: what the rep is to reach by the plan's end, and how. */
public record PipGoal(
        @NotNull Metric metric,
        @NotNull @DecimalMin("0") @DecimalMax("1000000000") BigDecimal target,
        @Size(max = 500) String note) {}
