package dev.fairlead.goals;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A goal was set, adjusted, split, unlocked or taken out of a plan ({@code change}: CREATED,
 * ADJUSTED, SPLIT, UNLOCKED, DEACTIVATED), with what it is after the change.
 */
public record GoalChanged(long goalId, Long parentId, String change, GoalMetric metric, String period, Long teamId, Long repId,
        BigDecimal target, boolean active, Instant at) {

    static GoalChanged of(Goal goal, String change, boolean active, Instant at) {
        return new GoalChanged(goal.id(), goal.parentId(), change, goal.metric(), goal.period().toString(), goal.unit().teamId(),
                goal.unit().repId(), goal.target(), active, at);
    }
}
