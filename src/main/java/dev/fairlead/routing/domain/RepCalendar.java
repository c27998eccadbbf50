package dev.fairlead.routing.domain;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working hours as routing needs them: whether a rep is working at a moment, and when one who is
 * not starts again. The live path and the backtest ask the same calendar the same questions, so a
 * weekend in history is replayed as it would be routed today (decision 0214). Pure: an
 * implementation reads no clock and no database per call.
 */
public interface RepCalendar {

    /** Why the rep is off at {@code at} (outside hours, a public holiday), or null when she is working. */
    Reason offAt(RepState rep, Instant at);

    /** When the rep, off at {@code at}, starts work next, if her team holds leads for working hours and that is within reach. */
    Optional<Instant> holdsUntil(RepState rep, Instant at);

    /** Eligibility policies whose exclusions pass with time. */
    Set<String> TIME_POLICIES = Set.of("worksToday", "workingNow");

    /** Where a held lead waits: until when, for which teams (the data scope of the queue), and the explanation kept. */
    record Hold(Instant routeAfter, Set<Long> teamIds, Explanation explanation) {}

    /** The rep as the calendar has her at {@code at}: working (even on a day outside her days) or off with the reason. */
    default RepState atWork(RepState rep, ZonedDateTime at) {
        return rep.atWork(at.getDayOfWeek(), offAt(rep, at.toInstant()));
    }

    /**
     * The hold for a decision that fell through every rule, when some of the candidates of a matching
     * rule were excluded only for time: the lead waits for the first of them to start work instead of
     * going to the default pool. Empty for any other decision, or when none of them starts again in reach.
     */
    default Optional<Hold> hold(Decision decision, List<RepState> reps, Instant at) {
        if (!(decision instanceof Decision.Pooled pooled) || pooled.poolId() != null
                || !"everyRuleFellThrough".equals(decision.explanation().why().code())) {
            return Optional.empty();
        }
        Set<Long> offIds = offCandidates(decision.explanation());
        if (offIds.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, RepState> byId = new HashMap<>();
        reps.forEach(r -> byId.put(r.repId(), r));
        Instant first = null;
        Set<Long> teams = new TreeSet<>();
        for (long repId : offIds) {
            RepState rep = byId.get(repId);
            Optional<Instant> opens = rep == null ? Optional.empty() : holdsUntil(rep, at);
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
