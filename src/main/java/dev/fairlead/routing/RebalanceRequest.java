package dev.fairlead.routing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * What to rebalance: the open leads of the reps in a team (with its sub-teams; null: the viewer's
 * whole scope). {@code guardMultiple}: no rep may end with more than this multiple of the fair
 * share of those leads (default 1.5); {@code movePenalty}: the expected-conversion gain a move must
 * beat (default 0.002); {@code requireSkill}: receivers must sell to the lead's industry and product.
 */
public record RebalanceRequest(
        Long teamId,
        @DecimalMin(value = "1", message = "{validation.min}") @DecimalMax(value = "10", message = "{validation.max}") Double guardMultiple,
        @DecimalMin(value = "0", message = "{validation.min}") @DecimalMax(value = "1", message = "{validation.max}") Double movePenalty,
        Boolean requireSkill) {

    public RebalanceRequest {
        guardMultiple = guardMultiple == null ? 1.5 : guardMultiple;
        movePenalty = movePenalty == null ? 0.002 : movePenalty;
        requireSkill = Boolean.TRUE.equals(requireSkill);
    }
}
