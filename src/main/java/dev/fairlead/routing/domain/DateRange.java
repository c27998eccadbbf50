package dev.fairlead.routing.domain;

import java.time.LocalDate;

/** Days from {@code from} to {@code to}, both inclusive. */
public record DateRange(LocalDate from, LocalDate to) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
