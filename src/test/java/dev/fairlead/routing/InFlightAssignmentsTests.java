package dev.fairlead.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.org.Tier;
import dev.fairlead.routing.domain.Decision;
import dev.fairlead.routing.domain.LeadFacts;
import dev.fairlead.routing.domain.Match;
import dev.fairlead.routing.domain.MemoryStrategyState;
import dev.fairlead.routing.domain.RepState;
import dev.fairlead.routing.domain.RoutingEngine;
import dev.fairlead.routing.domain.Rule;
import dev.fairlead.routing.domain.RuleSet;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.routing.domain.StrategyParams;
import dev.fairlead.routing.domain.Target;
import dev.fairlead.routing.domain.Territories;
import dev.fairlead.routing.domain.ValueModel;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InFlightAssignmentsTests {

    static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"));
    static final RuleSet LEAST_LOADED = new RuleSet(1, 1, List.of(new Rule("team", "Team, least loaded", Match.ALL, List.of(),
            new Target.Team(7, true), StrategyKind.LEAST_LOADED, false, false, StrategyParams.defaults())), ValueModel.DEFAULT);

    final AtomicLong clock = new AtomicLong(1_000);
    final InFlightAssignments inFlight = new InFlightAssignments(clock::get);
    final RoutingEngine engine = RoutingEngine.explaining();

    @Test
    void leadsDecidedAtTheSameMomentSpreadOverEquallyLoadedRepsAsIfDecidedOneAfterAnother() {
        List<RepState> reps = List.of(rep(1, 3, 10), rep(2, 3, 10), rep(3, 3, 10), rep(4, 3, 10));
        long since = inFlight.mark();
        Map<Long, Integer> received = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            // Twelve transactions, none committed yet, all read the same committed counters.
            LeadFacts lead = lead(i);
            Decision d = inFlight.decide(since, new Object(), reps, r -> route(lead, r)).decision();
            received.merge(((Decision.Assigned) d).repId(), 1, Integer::sum);
        }
        assertThat(received).containsOnly(Map.entry(1L, 3), Map.entry(2L, 3), Map.entry(3L, 3), Map.entry(4L, 3));
    }

    @Test
    void concurrentPicksFollowTheLoadRatioNotJustTheCount() {
        // Rep 1 is at 20% of capacity, rep 2 at 60%: of six leads at once rep 1 takes four (level at 60%, where
        // the rep with fewer new leads today wins the tie), then they alternate.
        List<RepState> reps = List.of(rep(1, 2, 10), rep(2, 6, 10));
        long since = inFlight.mark();
        List<Long> winners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LeadFacts lead = lead(i);
            winners.add(winner(inFlight.decide(since, new Object(), reps, r -> route(lead, r))));
        }
        assertThat(winners).containsExactly(1L, 1L, 1L, 1L, 2L, 1L);
    }

    @Test
    void aPickCountsUntilItsCommitIsInTheCountersADecisionRead() {
        List<RepState> reps = List.of(rep(1, 0, 10), rep(2, 0, 10));
        Object first = new Object();
        long readBeforeCommit = inFlight.mark();
        assertThat(winner(inFlight.decide(readBeforeCommit, first, reps, r -> route(lead(1), r)))).isEqualTo(1L);

        clock.addAndGet(10);
        inFlight.settle(first, true);
        // Counters read before the commit do not show the lead yet: the pick still counts for them ...
        assertThat(inFlight.pending(readBeforeCommit, new Object())).containsExactly(Map.entry(1L, 1));
        // ... counters read after it do, so it no longer counts on top of them.
        clock.addAndGet(10);
        assertThat(inFlight.pending(inFlight.mark(), new Object())).isEmpty();
    }

    @Test
    void aRolledBackOrReleasedPickIsForgottenAtOnce() {
        List<RepState> reps = List.of(rep(1, 0, 10), rep(2, 0, 10));
        long since = inFlight.mark();
        Object rolledBack = new Object();
        inFlight.decide(since, rolledBack, reps, r -> route(lead(1), r));
        InFlightAssignments.Decided released = inFlight.decide(since, new Object(), reps, r -> route(lead(2), r));
        assertThat(inFlight.pending(since, new Object())).containsOnly(Map.entry(1L, 1), Map.entry(2L, 1));

        inFlight.settle(rolledBack, false);
        released.release();

        assertThat(inFlight.pending(since, new Object())).isEmpty();
    }

    @Test
    void aTransactionsOwnPicksAreNotCountedAgainBecauseItsOwnReadsAlreadySeeThem() {
        List<RepState> reps = List.of(rep(1, 0, 10), rep(2, 0, 10));
        Object bulk = new Object();
        long since = inFlight.mark();
        inFlight.decide(since, bulk, reps, r -> route(lead(1), r));

        assertThat(inFlight.pending(since, bulk)).isEmpty();
        assertThat(inFlight.pending(since, new Object())).containsExactly(Map.entry(1L, 1));
    }

    @Test
    void picksInFlightCountAgainstCapsSoTheLastPlaceIsNotPromisedTwice() {
        List<RepState> reps = List.of(rep(1, 0, 10, 4, 5), rep(2, 3, 10));
        long since = inFlight.mark();
        assertThat(winner(inFlight.decide(since, new Object(), reps, r -> route(lead(1), r)))).isEqualTo(1L);
        // Rep 1's last place today is taken by the lead above, still in flight: the next lead goes to rep 2.
        assertThat(winner(inFlight.decide(since, new Object(), reps, r -> route(lead(2), r)))).isEqualTo(2L);
    }

    @Test
    void committedPicksAreForgottenAfterAWhile() {
        List<RepState> reps = List.of(rep(1, 0, 10));
        Object tx = new Object();
        long since = inFlight.mark();
        inFlight.decide(since, tx, reps, r -> route(lead(1), r));
        inFlight.settle(tx, true);
        clock.addAndGet(InFlightAssignments.KEEP_NANOS + 1);
        assertThat(inFlight.pending(since, new Object())).isEmpty();
    }

    private Decision route(LeadFacts lead, List<RepState> reps) {
        return engine.route(lead, reps, LEAST_LOADED, new MemoryStrategyState(), WEDNESDAY);
    }

    private static long winner(InFlightAssignments.Decided decided) {
        return ((Decision.Assigned) decided.decision()).repId();
    }

    static LeadFacts lead(long id) {
        return new LeadFacts(id, "WEB_FORM", "上海精密机械有限公司", "采购经理", "manufacturing", "MEDIUM", "310000", "310100", "200001",
                "crm", 50_000.0, null, null, Instant.parse("2026-11-18T02:00:00Z"), null, null);
    }

    static RepState rep(long id, int open, int capacity) {
        return rep(id, open, capacity, 0, 5000);
    }

    /** A rep of team 7 in Shanghai who works every day. */
    static RepState rep(long id, int open, int capacity, int newToday, int maxToday) {
        return new RepState(id, "rep " + id, 7, List.of(7L), Tier.REGULAR, Set.of("manufacturing"), Set.of("crm"), 10, capacity,
                maxToday, 50_000, EnumSet.allOf(DayOfWeek.class), List.of(), new Territories(Set.of(), Set.of("310100"), List.of()),
                true, open, newToday, newToday, 0, Map.of());
    }
}
