package dev.fairlead.goals.domain;

import dev.fairlead.common.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Progress of a goal against time. "Elapsed" is the share of the period's working days completed
 * before today (today is still being worked), so linear pace expects {@code target × elapsed} by now.
 * A goal is at risk when the actual is behind that pace by the at-risk threshold or more (default 10%),
 * off track from the off-track threshold (default 25%). The forecast runs the actual on at the
 * same rate to the period's end. After the end, the final actual is judged against the whole target.
 */
public final class Pace {

    public enum Status { NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK }

    public enum Tier { NONE, BASE, TARGET, STRETCH }

    public enum Direction { AHEAD, ON_PACE, BEHIND }

    /**
     * How the actual stands against linear pace, in terms a reader cannot misread: which way, by how
     * much (never negative), and by what share of the expected figure. The share is left out (null)
     * when it would mislead: nothing is expected yet, or the actual is more than twice the expected
     * figure (early in a period a small expected figure turns any deal into thousands of percent).
     * Within half a percent of the expected figure is on pace.
     */
    public record Deviation(Direction direction, BigDecimal amount, Double share) {

        /** The largest share shown: ahead by the expected figure itself. */
        public static final BigDecimal MAX_SHARE = BigDecimal.ONE;

        private static final BigDecimal ON_PACE_WITHIN = new BigDecimal("0.005");

        static Deviation of(BigDecimal expected, BigDecimal actual) {
            BigDecimal difference = actual.subtract(expected);
            BigDecimal amount = difference.abs();
            if (expected.signum() <= 0) {
                return new Deviation(difference.signum() > 0 ? Direction.AHEAD : difference.signum() < 0 ? Direction.BEHIND
                        : Direction.ON_PACE, amount, null);
            }
            BigDecimal share = amount.divide(expected, MathContext.DECIMAL64);
            if (share.compareTo(ON_PACE_WITHIN) < 0) {
                return new Deviation(Direction.ON_PACE, amount, null);
            }
            return new Deviation(difference.signum() > 0 ? Direction.AHEAD : Direction.BEHIND, amount,
                    share.compareTo(MAX_SHARE) > 0 ? null : share.doubleValue());
        }
    }

    /** How far behind linear pace (as a fraction of the pace) turns a goal at risk, or off track. */
    public record Thresholds(BigDecimal atRisk, BigDecimal offTrack) {

        public Thresholds {
            if (atRisk.signum() < 0 || offTrack.compareTo(atRisk) < 0) {
                throw new IllegalArgumentException("0 <= at-risk <= off-track: " + atRisk + ", " + offTrack);
            }
        }

        public static Thresholds defaults() {
            return new Thresholds(new BigDecimal("0.10"), new BigDecimal("0.25"));
        }
    }

    /**
     * @param elapsed completed share of the period, 0 to 1
     * @param expected what linear pace expects by now
     * @param behind how far the actual trails the pace, as a fraction of the pace (negative: ahead)
     * @param deviation ahead of or behind the pace, for people to read (null before the period starts)
     * @param forecast the actual at period end at the current rate (null before any day has passed)
     * @param attainment actual / target (null for a zero target)
     */
    public record Progress(BigDecimal target, BigDecimal actual, double elapsed, BigDecimal expected, Double behind,
            Deviation deviation, BigDecimal forecast, Double attainment, Status status, Tier tier, boolean finished) {}

    private Pace() {}

    public static Progress of(Period period, LocalDate today, BigDecimal target, BigDecimal base, BigDecimal stretch,
            BigDecimal actual, WorkingCalendar calendar, Thresholds thresholds) {
        Tier tier = tier(actual, base, target, stretch);
        Double attainment = target.signum() == 0 ? null : ratio(actual, target);
        if (today.isBefore(period.start())) {
            return new Progress(target, actual, 0, BigDecimal.ZERO, null, null, null, attainment, Status.NOT_STARTED, tier, false);
        }
        boolean finished = !today.isBefore(period.end());
        double elapsed = finished ? 1 : elapsed(period, today, calendar);
        BigDecimal expected = target.multiply(BigDecimal.valueOf(elapsed)).setScale(target.scale(), RoundingMode.HALF_UP);
        BigDecimal forecast = finished ? actual
                : elapsed == 0 ? null
                : actual.divide(BigDecimal.valueOf(elapsed), MathContext.DECIMAL64).setScale(actual.scale(), RoundingMode.HALF_UP);
        BigDecimal shortfall = expected.signum() == 0 ? null
                : expected.subtract(actual).divide(expected, MathContext.DECIMAL64);
        Double behind = shortfall == null ? null : shortfall.doubleValue();
        Status status = shortfall == null ? Status.ON_TRACK
                : shortfall.compareTo(thresholds.offTrack()) >= 0 ? Status.OFF_TRACK
                : shortfall.compareTo(thresholds.atRisk()) >= 0 ? Status.AT_RISK
                : Status.ON_TRACK;
        return new Progress(target, actual, elapsed, expected, behind, Deviation.of(expected, actual), forecast, attainment,
                status, tier, finished);
    }

    /** Completed working days before today over all working days (calendar days if the period has no working day). */
    static double elapsed(Period period, LocalDate today, WorkingCalendar calendar) {
        int total = calendar.count(period);
        if (total == 0) {
            return (double) java.time.temporal.ChronoUnit.DAYS.between(period.start(), today) / period.days();
        }
        return (double) calendar.count(period.start(), today) / total;
    }

    static Tier tier(BigDecimal actual, BigDecimal base, BigDecimal target, BigDecimal stretch) {
        if (stretch != null && actual.compareTo(stretch) >= 0) {
            return Tier.STRETCH;
        }
        if (actual.compareTo(target) >= 0 && target.signum() > 0) {
            return Tier.TARGET;
        }
        if (base != null && actual.compareTo(base) >= 0 && base.signum() > 0) {
            return Tier.BASE;
        }
        return Tier.NONE;
    }

    private static double ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL64).doubleValue();
    }
}
