package dev.fairlead.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fairlead.common.Period;
import dev.fairlead.goals.domain.Pace.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaceTests {

    private static final Period MARCH = Period.month(2026, 3); // 22 working days, Mon 2 … Tue 31
    private static final WorkingCalendar WEEKDAYS = WorkingCalendar.mondayToFriday();

    @Test
    void halfwayThroughTheWorkingDaysWithHalfTheTargetIsOnTrack() {
        Pace.Progress p = progress(LocalDate.of(2026, 3, 17), "110000"); // 11 of 22 working days done
        assertThat(p.elapsed()).isEqualTo(0.5);
        assertThat(p.expected()).isEqualByComparingTo("110000");
        assertThat(p.status()).isEqualTo(Status.ON_TRACK);
        assertThat(p.forecast()).isEqualByComparingTo("220000");
    }

    @Test
    void tenPercentBehindLinearPaceIsAtRiskAndAQuarterBehindIsOffTrack() {
        assertThat(progress(LocalDate.of(2026, 3, 17), "99001").status()).isEqualTo(Status.ON_TRACK);
        assertThat(progress(LocalDate.of(2026, 3, 17), "99000").status()).isEqualTo(Status.AT_RISK);
        assertThat(progress(LocalDate.of(2026, 3, 17), "82500").status()).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void thresholdsAreConfigurable() {
        Pace.Progress strict = Pace.of(MARCH, LocalDate.of(2026, 3, 17), new BigDecimal("220000"), null, null,
                new BigDecimal("104500"), WEEKDAYS, new Pace.Thresholds(new BigDecimal("0.05"), new BigDecimal("0.10")));
        assertThat(strict.status()).isEqualTo(Status.AT_RISK);
    }

    @Test
    void onTheFirstDayNothingIsExpectedYetAndBeforeTheStartItHasNotStarted() {
        assertThat(progress(LocalDate.of(2026, 3, 2), "0").status()).isEqualTo(Status.ON_TRACK);
        assertThat(progress(LocalDate.of(2026, 3, 2), "0").forecast()).isNull();
        assertThat(progress(LocalDate.of(2026, 2, 27), "0").status()).isEqualTo(Status.NOT_STARTED);
    }

    @Test
    void afterThePeriodTheFinalActualIsJudgedAndTiersAreReached() {
        Pace.Progress done = Pace.of(MARCH, LocalDate.of(2026, 4, 3), new BigDecimal("220000"), new BigDecimal("180000"),
                new BigDecimal("260000"), new BigDecimal("230000"), WEEKDAYS, Pace.Thresholds.defaults());
        assertThat(done.finished()).isTrue();
        assertThat(done.status()).isEqualTo(Status.ON_TRACK);
        assertThat(done.tier()).isEqualTo(Pace.Tier.TARGET);
        assertThat(done.forecast()).isEqualByComparingTo("230000");

        Pace.Progress missed = Pace.of(MARCH, LocalDate.of(2026, 4, 3), new BigDecimal("220000"), new BigDecimal("180000"),
                null, new BigDecimal("190000"), WEEKDAYS, Pace.Thresholds.defaults());
        assertThat(missed.tier()).isEqualTo(Pace.Tier.BASE);
        assertThat(missed.status()).isEqualTo(Status.AT_RISK);
    }

    @Test
    void weekendsDoNotCountAsElapsedTime() {
        assertThat(progress(LocalDate.of(2026, 3, 14), "0").elapsed()).isEqualTo(progress(LocalDate.of(2026, 3, 16), "0").elapsed());
    }

    @Test
    void aheadAndBehindArePositiveSharesOfTheExpectedFigureWithTheirDirection() {
        Pace.Deviation behind = progress(LocalDate.of(2026, 3, 17), "99000").deviation(); // 110000 expected
        assertThat(behind.direction()).isEqualTo(Pace.Direction.BEHIND);
        assertThat(behind.amount()).isEqualByComparingTo("11000");
        assertThat(behind.share()).isCloseTo(0.10, within(1e-9));

        Pace.Deviation ahead = progress(LocalDate.of(2026, 3, 17), "123200").deviation();
        assertThat(ahead.direction()).isEqualTo(Pace.Direction.AHEAD);
        assertThat(ahead.amount()).isEqualByComparingTo("13200");
        assertThat(ahead.share()).isCloseTo(0.12, within(1e-9));

        assertThat(progress(LocalDate.of(2026, 3, 17), "110000").deviation().direction()).isEqualTo(Pace.Direction.ON_PACE);
        assertThat(progress(LocalDate.of(2026, 3, 17), "110400").deviation().direction())
                .as("within half a percent, which would read as +0%").isEqualTo(Pace.Direction.ON_PACE);
    }

    @Test
    void farAheadOfATinyExpectedFigureGivesTheAmountNotThousandsOfPercent() {
        // one of 22 working days over: 10000 expected; a 219200 deal is 2092% ahead, which no one can read
        Pace.Progress early = progress(LocalDate.of(2026, 3, 3), "219200");
        assertThat(early.expected()).isEqualByComparingTo("10000");
        assertThat(early.behind()).isCloseTo(-20.92, within(1e-9));
        assertThat(early.deviation().direction()).isEqualTo(Pace.Direction.AHEAD);
        assertThat(early.deviation().amount()).isEqualByComparingTo("209200");
        assertThat(early.deviation().share()).isNull();

        assertThat(progress(LocalDate.of(2026, 3, 3), "20000").deviation().share()).as("exactly double: +100%").isEqualTo(1.0);

        Pace.Deviation firstDay = progress(LocalDate.of(2026, 3, 2), "5000").deviation(); // nothing expected yet
        assertThat(firstDay.direction()).isEqualTo(Pace.Direction.AHEAD);
        assertThat(firstDay.amount()).isEqualByComparingTo("5000");
        assertThat(firstDay.share()).isNull();
        assertThat(progress(LocalDate.of(2026, 3, 2), "0").deviation().direction()).isEqualTo(Pace.Direction.ON_PACE);
        assertThat(progress(LocalDate.of(2026, 2, 27), "0").deviation()).as("not started").isNull();
    }

    private static Pace.Progress progress(LocalDate today, String actual) {
        return Pace.of(MARCH, today, new BigDecimal("220000"), null, null, new BigDecimal(actual), WEEKDAYS, Pace.Thresholds.defaults());
    }
}
