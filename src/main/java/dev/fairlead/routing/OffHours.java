package dev.fairlead.routing;

import dev.fairlead.org.TeamHours;
import dev.fairlead.org.WorkingCalendarService;
import dev.fairlead.org.WorkingTime;
import dev.fairlead.routing.domain.Decision;
import dev.fairlead.routing.domain.Reason;
import dev.fairlead.routing.domain.RepCalendar;
import dev.fairlead.routing.domain.RepState;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Working hours in routing. Before a decision, each rep is put as her team's calendar has her
 * at that moment (working, on duty, or off with the reason the explanation shows). After it, a lead
 * that fell through every rule only because the reps who could take it were off waits for the
 * first of them to start work, instead of going to the pool where nobody looks at night. The
 * questions themselves are the engine's {@link RepCalendar}, answered from the organisation's
 * {@link WorkingTime}; the backtest asks the same one.
 */
@Component
class OffHours {

    private final WorkingCalendarService calendars;

    OffHours(WorkingCalendarService calendars) {
        this.calendars = calendars;
    }

    /** The calendar as it stands now (the organisation's working time is cached by its version). */
    RepCalendar calendar() {
        return new Calendar(calendars.workingTime());
    }

    List<RepState> atWork(List<RepState> reps, ZonedDateTime now) {
        return atWork(calendar(), reps, now);
    }

    static List<RepState> atWork(RepCalendar calendar, List<RepState> reps, ZonedDateTime now) {
        if (reps.isEmpty()) {
            return reps;
        }
        List<RepState> result = new ArrayList<>(reps.size());
        for (RepState rep : reps) {
            result.add(calendar.atWork(rep, now));
        }
        return result;
    }

    /** The hold for a pooled decision, when the lead should rather wait for working hours. */
    Optional<RepCalendar.Hold> hold(Decision decision, List<RepState> reps, ZonedDateTime now) {
        return calendar().hold(decision, reps, now.toInstant());
    }

    /** {@link RepCalendar} over the organisation's working time. */
    private record Calendar(WorkingTime time) implements RepCalendar {

        @Override
        public Reason offAt(RepState rep, Instant at) {
            return time.status(rep.repId(), rep.teamId(), rep.workingDays(), at) instanceof WorkingTime.Status.Closed c
                    ? new Reason(c.code(), c.args()) : null;
        }

        @Override
        public Optional<Instant> holdsUntil(RepState rep, Instant at) {
            TeamHours hours = time.hoursOf(rep.teamId());
            if (hours == null || !hours.holdOffHours()) {
                return Optional.empty();
            }
            return time.nextOpening(rep.repId(), rep.teamId(), rep.workingDays(), at);
        }
    }
}
