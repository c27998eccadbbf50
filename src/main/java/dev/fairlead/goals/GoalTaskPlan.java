package dev.fairlead.goals;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Generating weekly tasks from a goal: for the goal's rep (or each rep with a child goal), one task
 * per remaining week carrying that week's share of what is still missing. {@code typeCode} is a
 * task type of the work module (default VISIT).
 */
public record GoalTaskPlan(String typeCode, @Size(max = 500, message = "{validation.size.max}") String reason) {

    /** What generating did: the tasks created, and the weeks that already had one (or had nothing left to do). */
    public record Result(long goalId, List<Long> taskIds, int skipped) {}
}
