package dev.fairlead.goals;

import dev.fairlead.common.Period;
import java.math.BigDecimal;
import java.util.List;

/**
 * The children a split makes (or made): each with its unit or period, the weight it got, its value,
 * whether it was locked and kept, and the goal it is (null in a dry run for a new child).
 *
 * @param note how the weights were found, e.g. "no history: split equally"
 * @param gap the parent's target minus the children's sum (zero when they add up)
 */
public record SplitPlan(long parentId, SplitAxis axis, SplitMethod method, List<Child> children, BigDecimal gap, String note,
        boolean saved) {

    public record Child(String key, String label, OrgUnit unit, Period period, BigDecimal weight, BigDecimal value, boolean locked,
            Long goalId) {}
}
