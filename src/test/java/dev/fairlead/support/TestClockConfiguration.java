package dev.fairlead.support;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock so tests can move time (see {@link MutableClock}). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    /**
     * {@code fairlead.test.clock.start} (an ISO offset date-time) starts the clock at that moment,
     * for tests of what happens on a given day from start-up on (the demo loaded on a Saturday).
     */
    @Bean
    @Primary
    MutableClock testClock(@Value("${fairlead.test.clock.start:}") String start) {
        MutableClock clock = new MutableClock(ZoneId.systemDefault());
        if (!start.isBlank()) {
            clock.startAt(java.time.OffsetDateTime.parse(start).toInstant());
        }
        return clock;
    }
}
