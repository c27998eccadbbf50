package dev.fairlead.routing;

import dev.fairlead.org.TeamHours;
import dev.fairlead.org.WorkingCalendarService;
import dev.fairlead.org.WorkingTime;
import dev.fairlead.routing.domain.Decision;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.Reason;
import dev.fairlead.routing.domain.RepState;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Working hours in live routing. Before a decision, each rep is put as her team's calendar has her
 * at that moment (working, on duty, or off with the reason the explanation shows). After it, a lead
 * that fell through every rule only because the reps who could take it were off waits for the
 * first of them to start work, instead of going to the pool where nobody looks at night.
 */
@Component
class OffHours {

    /** Eligibility policies whose exclusions pass with time. */
    static final Set<String> TIME_POLICIES = Set.of("worksToday", "workingNow");

    /** Where a held lead waits: until when, for which teams (data scope of the queue), and the explanation kept. */
    record Hold(Instant routeAfter, Set<Long> teamIds, Explanation explanation) {}

    private final WorkingCalendarService calendars;

    OffHours(WorkingCalendarService calendars) {
        this.calendars = calendars;
    }

    List<RepState> atWork(List<RepState> reps, ZonedDateTime now) {
        if (reps.isEmpty()) {
            return reps;
        }
        WorkingTime time = calendars.workingTime();
        Instant at = now.toInstant();
        List<RepState> result = new ArrayList<>(reps.size());
        for (RepState rep : reps) {
            WorkingTime.Status status = time.status(rep.repId(), rep.teamId(), rep.workingDays(), at);
            result.add(rep.atWork(now.getDayOfWeek(),
                    status instanceof WorkingTime.Status.Closed c ? new Reason(c.code(), c.args()) : null));
        }
        return result;
    }

    /** The hold for a pooled decision, when the lead should rather wait for working hours. */
    Optional<Hold> hold(Decision decision, List<RepState> reps, ZonedDateTime now) {
        if (!(decision instanceof Decision.Pooled pooled) || pooled.poolId() != null
                || !"everyRuleFellThrough".equals(decision.explanation().why().code())) {
            return Optional.empty();
        }
        Set<Long> offIds = offCandidates(decision.explanation());
        if (offIds.isEmpty()) {
            return Optional.empty();
        }
        WorkingTime time = calendars.workingTime();
        Map<Long, RepState> byId = new HashMap<>();
        reps.forEach(r -> byId.put(r.repId(), r));
        Instant first = null;
        Set<Long> teams = new TreeSet<>();
        for (long repId : offIds) {
            RepState rep = byId.get(repId);
            TeamHours hours = rep == null ? null : time.hoursOf(rep.teamId());
            if (hours == null || !hours.holdOffHours()) {
                continue;
            }
            Optional<Instant> opens = time.nextOpening(repId, rep.teamId(), rep.workingDays(), now.toInstant());
            if (opens.isPresent()) {
                teams.add(rep.teamId());
                first = first == null || opens.get().isBefore(first) ? opens.get() : first;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        Explanation e = decision.explanation();
        Explanation waiting = new Explanation(e.ruleSetId(), e.ruleSetVersion(), e.value(), e.rules(), Explanation.Outcome.WAITING,
                null, e.ruleKey(), Reason.of("waitingForWorkingHours", first, offIds.size()));
        return Optional.of(new Hold(first, Set.copyOf(teams), waiting));
    }

    /** Reps excluded by a rule that matched only because they were not working at the time. */
    static Set<Long> offCandidates(Explanation explanation) {
        Set<Long> ids = new TreeSet<>();
        for (Explanation.RuleTrace rule : explanation.rules()) {
            if (!rule.matched()) {
                continue;
            }
            for (Explanation.CandidateTrace c : rule.candidates()) {
                if (!c.eligible() && TIME_POLICIES.contains(c.policy())) {
                    ids.add(c.repId());
                }
            }
        }
        return ids;
    }
}
