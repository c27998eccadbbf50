package dev.fairlead.goals;

import dev.fairlead.common.PeriodKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Splitting a goal into children. {@code granularity} is needed down the calendar (QUARTER, MONTH,
 * WEEK or DAY: working days only). {@code weights} by child key ({@code team:12}, {@code rep:7} or a
 * period label) for WEIGHTS; {@code seasonality} twelve monthly weights for SEASONALITY (null: last
 * year's monthly actuals of the goal's unit). With {@code dryRun} nothing is saved.
 */
public record SplitCommand(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SplitAxis axis,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SplitMethod method,
        PeriodKind granularity,
        Map<String, BigDecimal> weights,
        List<BigDecimal> seasonality,
        @Size(max = 500, message = "{validation.size.max}") String reason,
        Boolean dryRun) {

    public SplitCommand {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        dryRun = Boolean.TRUE.equals(dryRun);
    }

    public boolean preview() {
        return dryRun;
    }
}
