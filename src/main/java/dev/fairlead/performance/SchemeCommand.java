package dev.fairlead.performance;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.performance.domain.Dimension;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new draft or a draft's new content. A new draft copies {@code basedOn} (its audience, period kind
 * and dimensions) unless given its own; {@code rowVersion} guards an edit against a concurrent one.
 */
public record SchemeCommand(
        Long basedOn,
        @Size(max = 100) String name,
        Audience audience,
        PeriodKind periodKind,
        @Size(max = 20) List<Dimension> dimensions,
        Integer rowVersion) {}
