package dev.fairlead.goals;

import java.math.BigDecimal;

/**
 * A goal with its rolled-up actual, against its target and the time elapsed.
 *
 * @param elapsed share of the period's working days completed before today
 * @param expected what linear pace expects by now
 * @param behind how far the actual trails that pace, as a fraction of it (negative: ahead; null: nothing expected yet);
 *        for ordering and status, not for display (early in a period it runs to thousands of percent)
 * @param pace ahead of or behind that pace, as people read it (null before the period starts)
 * @param forecast the actual at period end at the current rate (null before the first day is over)
 * @param childrenSum sum of the children's targets (null without children)
 * @param gap target minus the children's sum (null without children; zero when they add up)
 */
public record GoalProgress(
        Goal goal,
        BigDecimal actual,
        double elapsed,
        BigDecimal expected,
        Double behind,
        PaceGap pace,
        BigDecimal forecast,
        Double attainment,
        GoalStatus status,
        GoalTier tier,
        boolean finished,
        int childCount,
        BigDecimal childrenSum,
        BigDecimal gap) {

    public boolean childrenAddUp() {
        return gap == null || gap.signum() == 0;
    }

    public int percent() {
        return attainment == null ? 0 : (int) Math.round(attainment * 100);
    }

    public int elapsedPercent() {
        return (int) Math.round(elapsed * 100);
    }
}
