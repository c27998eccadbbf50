package dev.fairlead.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in integration tests: real time plus an offset that a test moves
 * forward instead of sleeping. Tests that advance it call {@link #reset()} when done, because
 * the clock is shared by every test class that reuses the same application context.
 */
public final class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /**
     * Moves to the same time on the next Monday–Friday when today is a weekend, for tests whose reps
     * work weekdays only: without it they would fail when the suite runs on a Saturday or Sunday.
     */
    public void advanceToWeekday() {
        while (java.time.LocalDate.now(this).getDayOfWeek().getValue() >= 6) {
            advance(Duration.ofDays(1));
        }
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        MutableClock clock = new MutableClock(other);
        clock.offset = offset;
        return clock;
    }
}
