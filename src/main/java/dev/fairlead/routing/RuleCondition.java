package dev.fairlead.routing;

import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Operator;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** One condition of a rule as written in the editor or the API: a field, an operator, values or a min/max range. */
public record RuleCondition(
        @NotNull(message = "{validation.required}") LeadField field,
        @NotNull(message = "{validation.required}") Operator operator,
        List<String> values,
        Double min,
        Double max) {

    public RuleCondition {
        values = values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }
}
