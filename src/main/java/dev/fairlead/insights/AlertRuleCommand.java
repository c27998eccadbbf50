package dev.fairlead.insights;

import dev.fairlead.insights.domain.AlertKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalTime;

/** Creates or changes an alert rule; threshold2 defaults by kind (see {@link AlertKind}). */
public record AlertRuleCommand(
        @NotNull Long teamId,
        @NotNull AlertKind kind,
        @NotNull @DecimalMin("0") @DecimalMax("100000") BigDecimal threshold,
        @DecimalMin("0") @DecimalMax("100000") BigDecimal threshold2,
        LocalTime quietFrom,
        LocalTime quietUntil,
        Boolean enabled) {}
