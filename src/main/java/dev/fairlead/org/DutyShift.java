package dev.fairlead.org;

import java.time.Instant;

/** A rep on duty (值班) for her team in an interval: she takes leads then, whatever the calendar says. */
public record DutyShift(long id, long teamId, long repId, String repName, Instant startsAt, Instant endsAt, String note,
        String createdBy) {

    public boolean covers(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
