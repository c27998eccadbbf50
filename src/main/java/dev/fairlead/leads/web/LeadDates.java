package dev.fairlead.leads.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Instants on pages, in the application's time zone: {@code ${@leadDates.format(lead.createdAt())}}. */
@Component("leadDates")
class LeadDates {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;

    LeadDates(Clock clock) {
        this.clock = clock;
    }

    public String format(Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant.atZone(clock.getZone()));
    }
}
