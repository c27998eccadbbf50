package dev.fairlead.common.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Instants as pages show them, in the application clock's zone: {@code ${@dateTimes.format(t)}},
 * and as the value of a {@code datetime-local} input: {@code ${@dateTimes.input(t)}}.
 */
@Component("dateTimes")
public class DateTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Clock clock;

    public DateTimes(Clock clock) {
        this.clock = clock;
    }

    public String format(Instant instant) {
        return instant == null ? "—" : LocalDateTime.ofInstant(instant, clock.getZone()).format(SHOWN);
    }

    public String input(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, clock.getZone()).format(INPUT);
    }

    /** A {@code datetime-local} value (or blank) as an instant in the application's zone. */
    public Instant parse(String local) {
        return local == null || local.isBlank() ? null : LocalDateTime.parse(local).atZone(clock.getZone()).toInstant();
    }
}
