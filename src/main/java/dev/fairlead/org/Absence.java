package dev.fairlead.org;

import java.time.LocalDate;

/** An out-of-office period, inclusive of both days. */
public record Absence(long id, LocalDate startsOn, LocalDate endsOn, String reason) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
