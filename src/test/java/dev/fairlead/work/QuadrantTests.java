package dev.fairlead.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuadrantTests {

    @ParameterizedTest
    @CsvSource({"true, true, DO_FIRST", "true, false, SCHEDULE", "false, true, DELEGATE", "false, false, ELIMINATE"})
    void importanceAndUrgencyPlaceATaskInItsQuadrant(boolean important, boolean urgent, Quadrant expected) {
        assertThat(Quadrant.of(important, urgent)).isEqualTo(expected);
        assertThat(expected.important()).isEqualTo(important);
        assertThat(expected.urgent()).isEqualTo(urgent);
    }
}
