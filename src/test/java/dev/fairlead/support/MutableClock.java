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
    private Duration base;
    private volatile Duration offset;

    /**
     * Starts at the real time, moved to the next Monday when the suite runs on a weekend: the
     * fixtures' reps work Monday to Friday, and a test must not fail because of the day CI runs it.
     */
    public MutableClock(ZoneId zone) {
        this(zone, weekdayOffset(zone));
    }

    private MutableClock(ZoneId zone, Duration base) {
        this.zone = zone;
        this.base = base;
        this.offset = base;
    }

    private static Duration weekdayOffset(ZoneId zone) {
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        int dow = today.getDayOfWeek().getValue();
        return dow >= 6 ? Duration.ofDays(8 - dow) : Duration.ZERO;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock to {@code instant}, and makes that the time {@link #reset} goes back to (plus what has passed since). */
    public void startAt(Instant instant) {
        base = Duration.between(Instant.now(), instant);
        offset = base;
    }

    /** Moves the clock forward to {@code instant} (for {@link #reset}, this is as {@link #advance}). */
    public void advanceTo(Instant instant) {
        offset = offset.plus(Duration.between(instant(), instant));
    }

    public void reset() {
        offset = base;
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
        MutableClock clock = new MutableClock(other, base);
        clock.offset = offset;
        return clock;
    }
}
