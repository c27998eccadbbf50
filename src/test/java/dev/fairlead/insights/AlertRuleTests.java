package dev.fairlead.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.insights.domain.AlertKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class AlertRuleTests {

    private static AlertRule quiet(String from, String until) {
        return new AlertRule(1, 1, "t", AlertKind.OVERLOAD, BigDecimal.ONE, BigDecimal.ZERO,
                from == null ? null : LocalTime.parse(from), until == null ? null : LocalTime.parse(until), true, Instant.EPOCH, 0);
    }

    @Test
    void quietHoursIncludeTheirStartExcludeTheirEndAndMayRunOvernight() {
        AlertRule day = quiet("09:00", "11:00");
        assertThat(day.quietAt(LocalTime.of(9, 0))).isTrue();
        assertThat(day.quietAt(LocalTime.of(10, 59))).isTrue();
        assertThat(day.quietAt(LocalTime.of(11, 0))).isFalse();
        AlertRule night = quiet("22:00", "07:00");
        assertThat(night.quietAt(LocalTime.of(23, 30))).isTrue();
        assertThat(night.quietAt(LocalTime.of(6, 59))).isTrue();
        assertThat(night.quietAt(LocalTime.of(12, 0))).isFalse();
        assertThat(quiet(null, null).quietAt(LocalTime.NOON)).isFalse();
    }
}
