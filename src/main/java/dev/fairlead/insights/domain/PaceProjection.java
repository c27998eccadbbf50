package dev.fairlead.insights.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Where a goal will end if the rate so far holds: the linear projection {@code actual / elapsed}, the
 * projected attainment against the target, the gap still to close and that gap spread over the
 * working days left (today counts, it is still being worked; Monday to Friday).
 *
 * @param projected the actual at period end at the current rate (null before any time has passed)
 * @param projectedAttainment projected / target (null for a zero target or no projection)
 * @param gap target minus actual, never negative
 * @param remainingWorkingDays working days from today to the period's end
 * @param gapPerWorkingDay gap over the remaining working days (the whole gap when none remain)
 */
public record PaceProjection(BigDecimal target, BigDecimal actual, double elapsed, BigDecimal projected,
        Double projectedAttainment, BigDecimal gap, int remainingWorkingDays, BigDecimal gapPerWorkingDay) {

    public static PaceProjection of(BigDecimal target, BigDecimal actual, double elapsed, int remainingWorkingDays) {
        if (elapsed < 0 || elapsed > 1) {
            throw new IllegalArgumentException("elapsed is a share 0..1: " + elapsed);
        }
        int scale = Math.max(2, target.scale());
        BigDecimal projected = elapsed == 0 ? null
                : actual.divide(BigDecimal.valueOf(elapsed), MathContext.DECIMAL64).setScale(scale, RoundingMode.HALF_UP);
        Double attainment = projected == null || target.signum() == 0 ? null
                : projected.divide(target, MathContext.DECIMAL64).doubleValue();
        BigDecimal gap = target.subtract(actual).max(BigDecimal.ZERO).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal perDay = remainingWorkingDays <= 0 ? gap
                : gap.divide(BigDecimal.valueOf(remainingWorkingDays), scale, RoundingMode.HALF_UP);
        return new PaceProjection(target, actual, elapsed, projected, attainment, gap, Math.max(0, remainingWorkingDays), perDay);
    }

    /** Monday-to-Friday days from {@code today} (inclusive) to {@code end} (exclusive). */
    public static int workingDaysLeft(LocalDate today, LocalDate end) {
        int days = 0;
        for (LocalDate d = today; d.isBefore(end); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
