package dev.fairlead.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTests {

    @Test
    void parsesAndPrintsEveryKind() {
        assertThat(Period.parse("2026")).isEqualTo(Period.year(2026));
        assertThat(Period.parse("2026-q2").start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Period.parse("2026-03").end()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Period.parse("2026-W10").start()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Period.parse("2026-03-05").days()).isEqualTo(1);
        for (String label : new String[] {"2026", "2026-Q2", "2026-03", "2026-W10", "2026-03-05"}) {
            assertThat(Period.parse(label).label()).isEqualTo(label);
        }
        assertThatThrownBy(() -> Period.parse("2026-13")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsItsNeighbours() {
        assertThat(Period.month(2026, 1).previous()).isEqualTo(Period.month(2025, 12));
        assertThat(Period.quarter(2026, 1).sameLastYear()).isEqualTo(Period.quarter(2025, 1));
        assertThat(Period.week(LocalDate.of(2026, 3, 4)).next().start()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void clippedWeeksSayWhichDaysTheyHold() {
        Period first = Period.year(2026).children(PeriodKind.WEEK).get(0);
        assertThat(first.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(first.label()).isEqualTo("2026-W01 (2026-01-01…2026-01-04)");
    }

    @Test
    void moneyOfDifferentCurrenciesDoesNotAddUp() {
        assertThat(Money.of("1.005", "cny")).isEqualTo(Money.of("1.01", "CNY"));
        assertThatThrownBy(() -> Money.of("1", "CNY").plus(Money.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.isKnownCurrency("HKD")).isTrue();
        assertThat(Money.isKnownCurrency("XYZ1")).isFalse();
    }
}
