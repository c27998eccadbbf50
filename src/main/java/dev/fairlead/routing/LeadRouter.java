package dev.fairlead.routing;

import dev.fairlead.common.Viewers;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.routing.domain.Decision;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.LeadFacts;
import dev.fairlead.routing.domain.Reason;
import dev.fairlead.routing.domain.RepState;
import dev.fairlead.routing.domain.RoutingEngine;
import dev.fairlead.routing.domain.Rule;
import dev.fairlead.routing.domain.RuleSet;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.routing.domain.StrategyState;
import dev.fairlead.routing.persistence.AssignmentRepository;
import dev.fairlead.routing.persistence.StrategyStateRepository;
import dev.fairlead.routing.domain.StateUpdate;
import dev.fairlead.routing.persistence.TurnRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Routes one lead through the active rules and applies the decision through {@link LeadOwnership}
 * in the caller's transaction (decision 0204). Each decision counts the picks this node has in
 * flight ({@link InFlightAssignments}), so concurrent leads spread over the reps instead of queueing
 * on one rep's counter. A round-robin or weighted round-robin rule's turn is taken under the
 * rule's node lock with one compare-and-set on the rule's state, committed at once
 * ({@link TurnRepository}); a turn lost to another node means deciding again on the new state, and
 * a turn whose lead does not reach the rep is given back. Rules whose state is the fairness ledger (fairness points, best fit) still lock their
 * state row until commit, as the ledger is written in the lead's transaction. A cap the database
 * refuses (another node was faster) means deciding again with fresh counters; after
 * {@link #MAX_ATTEMPTS} the lead goes to the pool, never nowhere.
 */
@Component
class LeadRouter {

    static final int MAX_ATTEMPTS = 4;
    /** Lost compare-and-set turns (to other nodes) before a lead takes its rule's turn under the row lock instead. */
    static final int MAX_LOST_TURNS = 16;

    /** Where a routed lead went. */
    record Routed(long leadId, Long repId, Long poolId, int attempts, Decision decision) {}

    private final LeadService leads;
    private final LeadOwnership ownership;
    private final ActiveRuleSet active;
    private final RoutingInputs inputs;
    private final StrategyStateRepository states;
    private final TurnRepository turns;
    private final InFlightAssignments inFlight;
    private final AssignmentRepository assignments;
    private final Clock clock;
    private final RoutingEngine engine = RoutingEngine.explaining();
    private final Timer timer;
    private final Counter lostTurns;
    private final Counter givenBack;
    private final Map<String, RuleTurn> ruleTurns = new ConcurrentHashMap<>();
    private final OffHours offHours;
    private final WaitingLeads waiting;

    LeadRouter(LeadService leads, LeadOwnership ownership, ActiveRuleSet active, RoutingInputs inputs,
            StrategyStateRepository states, TurnRepository turns, InFlightAssignments inFlight, AssignmentRepository assignments,
            Clock clock, MeterRegistry meters, OffHours offHours, WaitingLeads waiting) {
        this.offHours = offHours;
        this.waiting = waiting;
        this.leads = leads;
        this.ownership = ownership;
        this.active = active;
        this.inputs = inputs;
        this.states = states;
        this.turns = turns;
        this.inFlight = inFlight;
        this.assignments = assignments;
        this.clock = clock;
        this.timer = Timer.builder("fairlead.routing.decision").description("Routing one lead, from reading the rules to storing the explanation")
                .publishPercentileHistogram().register(meters);
        this.lostTurns = Counter.builder("fairlead.routing.turns.lost")
                .description("Round-robin turns taken by another decision first (the lead was decided again)").register(meters);
        this.givenBack = Counter.builder("fairlead.routing.turns.given.back")
                .description("Round-robin turns given back because the lead did not reach the picked rep").register(meters);
    }

    /** Routes the lead; {@code excluded} reps may not receive it (e.g. the rep whose leads are being handed on). */
    @Transactional(propagation = Propagation.MANDATORY)
    Routed route(long leadId, AssignmentKind kind, Set<Long> excluded, String context) {
        return route(leadId, kind, excluded, context, Set.of());
    }

    /**
     * The same, in a transaction that already holds the state row locks of {@code lockedRules}
     * ({@link StrategyStateRepository#lock}): their turns are taken under those locks, not by compare-and-set.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Routed route(long leadId, AssignmentKind kind, Set<Long> excluded, String context, Set<String> lockedRules) {
        return timer.record(() -> decideAndApply(leadId, kind, excluded, context, lockedRules));
    }

    private Routed decideAndApply(long leadId, AssignmentKind kind, Set<Long> excluded, String context, Set<String> lockedRules) {
        Lead lead = leads.getForSystem(leadId);
        LeadFacts facts = RoutingInputs.facts(lead);
        RuleSet ruleSet = active.current();
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<Rule> matching = ruleSet.rules().stream().filter(r -> r.matches(facts)).toList();
        Map<String, StrategyKind> strategies = new HashMap<>();
        matching.forEach(r -> strategies.put(r.key(), r.strategy()));
        List<String> stateful = matching.stream().filter(r -> keepsTurns(r.strategy())).map(Rule::key).toList();
        boolean withLedger = matching.stream().anyMatch(r -> readsLedger(r.strategy()));
        Object owner = inFlight.currentOwner();
        Set<String> locked = new HashSet<>(lockedRules);
        Decision decision = null;
        List<RepState> reps = null;
        long[] since = {0};
        int attempt = 0;
        while (attempt < MAX_ATTEMPTS) {
            if (reps == null) {
                since[0] = inFlight.mark();
                // Marked again right before the counters are read: picks committed since then are in them.
                reps = offHours.atWork(inputs.repsFor(matching, excluded, () -> since[0] = inFlight.mark()), now);
            }
            // Rules that take turns by compare-and-set are decided on this node's last known state first; that
            // only finds the winning rule, the turn itself is decided again under the rule's node lock.
            List<String> toRead = stateful.stream().filter(k -> !takesTurnsOptimistically(strategies.get(k)) || locked.contains(k)).toList();
            Map<String, StrategyStateRepository.RuleStateRow> rows = new HashMap<>(toRead.isEmpty() ? Map.of() : states.read(toRead));
            for (String key : stateful) {
                RuleTurn known = ruleTurns.get(key);
                if (!rows.containsKey(key) && !locked.contains(key) && known != null && known.row != null) {
                    rows.put(key, known.row);
                }
            }
            List<StrategyStateRepository.Balance> balances = withLedger
                    ? states.balancesAround(reps.stream().map(RepState::repId).toList(), now.toLocalDate()) : List.of();
            StrategyState state = states.state(rows, balances);
            InFlightAssignments.Decided decided = inFlight.decide(since[0], owner, reps,
                    adjusted -> engine.route(facts, adjusted, ruleSet, state, now));
            decision = decided.decision();
            TurnRepository.Turn turn = null;
            if (decision instanceof Decision.Assigned a && keepsTurns(strategies.get(a.ruleKey())) && !locked.contains(a.ruleKey())) {
                decided.release();
                TakenTurn taken = takesTurnsOptimistically(strategies.get(a.ruleKey()))
                        ? takeTurn(a.ruleKey(), facts, reps, ruleSet, rows, balances, since[0], owner, now) : null;
                if (taken == null) {
                    // Take this rule's turn lock, then decide again on state no other node can change meanwhile.
                    states.lock(List.of(a.ruleKey()));
                    locked.add(a.ruleKey());
                    continue;
                }
                decided = taken.decided();
                decision = decided.decision();
                turn = taken.turn();
            }
            attempt++;
            if (decision instanceof Decision.Pooled pooled) {
                var hold = kind == AssignmentKind.AUTO && lead.ownerRepId() == null && lead.poolId() == null
                        ? offHours.hold(decision, reps, now) : java.util.Optional.<dev.fairlead.routing.domain.RepCalendar.Hold>empty();
                if (hold.isPresent()) {
                    waiting.hold(leadId, lead.createdAt(), hold.get().routeAfter(), hold.get().teamIds());
                    store(lead, kind, hold.get().explanation(), null, null, attempt, context);
                    return new Routed(leadId, null, null, attempt, decision);
                }
                ownership.moveToPool(leadId, pooled.poolId(), summary(ruleSet, decision, context));
                store(lead, kind, decision, null, pooled.poolId(), attempt, context);
                return new Routed(leadId, null, pooled.poolId(), attempt, decision);
            }
            Decision.Assigned assigned = (Decision.Assigned) decision;
            LeadOwnership.Outcome outcome = ownership.assign(leadId, assigned.repId(), summary(ruleSet, decision, context), true);
            if (outcome instanceof LeadOwnership.Outcome.CapReached) {
                // Another transaction took the rep's last place: decide again on fresh counters, and give
                // the turn back once this transaction has ended (it may hold counter rows by then).
                decided.release();
                if (turn != null) {
                    giveBackAfterCompletion(turn, true);
                }
                reps = null;
                continue;
            }
            List<StateUpdate> updates = assigned.updates();
            if (turn != null) {
                giveBackAfterCompletion(turn, false);
                updates = updates.stream().filter(u -> u instanceof StateUpdate.LedgerCharged).toList();
            }
            states.apply(updates, leadId, assigned.ruleKey(), now.toInstant());
            if (lead.ownerRepId() != null && lead.ownerRepId() != assigned.repId()) {
                states.creditBack(lead.ownerRepId(), leadId, now.toLocalDate(), now.toInstant());
            }
            store(lead, kind, decision, assigned.repId(), null, attempt, context);
            return new Routed(leadId, assigned.repId(), null, attempt, decision);
        }
        Explanation last = decision.explanation();
        Explanation pooled = new Explanation(last.ruleSetId(), last.ruleSetVersion(), last.value(), last.rules(),
                Explanation.Outcome.POOLED, null, last.ruleKey(), Reason.of("capsTakenConcurrently", MAX_ATTEMPTS));
        Decision.Pooled fallback = new Decision.Pooled(null, pooled);
        ownership.moveToPool(leadId, null, summary(ruleSet, fallback, context));
        store(lead, kind, fallback, null, null, MAX_ATTEMPTS, context);
        return new Routed(leadId, null, null, MAX_ATTEMPTS, fallback);
    }

    /** A decision made under a rule's node lock, and the turn it took (null when it took none). */
    private record TakenTurn(InFlightAssignments.Decided decided, TurnRepository.Turn turn) {}

    /** Per rule on this node: the lock turns are taken under, and the rule's state as this node last left or read it. */
    private static final class RuleTurn {
        final ReentrantLock lock = new ReentrantLock();
        volatile StrategyStateRepository.RuleStateRow row;
    }

    /**
     * Takes the turn of a round-robin or weighted round-robin rule: under the rule's node lock (so
     * this node's leads never race each other for it), decides on the rule's last known state and
     * stores the turn with one compare-and-set; when another node moved the state on, reads it and
     * decides again. Null after {@link #MAX_LOST_TURNS} lost turns: the caller falls back to the row lock.
     */
    private TakenTurn takeTurn(String key, LeadFacts facts, List<RepState> reps, RuleSet ruleSet,
            Map<String, StrategyStateRepository.RuleStateRow> rows, List<StrategyStateRepository.Balance> balances, long since,
            Object owner, ZonedDateTime now) {
        RuleTurn rule = ruleTurns.computeIfAbsent(key, k -> new RuleTurn());
        rule.lock.lock();
        try {
            for (int lost = 0; lost < MAX_LOST_TURNS; lost++) {
                if (rule.row == null) {
                    rule.row = turns.read(key).orElse(null);
                }
                StrategyStateRepository.RuleStateRow row = rule.row;
                Map<String, StrategyStateRepository.RuleStateRow> current = new HashMap<>(rows);
                if (row == null) {
                    current.remove(key);
                } else {
                    current.put(key, row);
                }
                StrategyState state = states.state(current, balances);
                InFlightAssignments.Decided decided = inFlight.decide(since, owner, reps, adjusted -> engine.route(facts, adjusted, ruleSet, state, now));
                if (!(decided.decision() instanceof Decision.Assigned a) || !a.ruleKey().equals(key)) {
                    return new TakenTurn(decided, null);
                }
                long version = row == null ? 0 : row.version();
                var turn = turns.take(key, version, row == null ? null : row.lastRepId(), row == null ? Map.of() : row.currentWeights(),
                        a.updates());
                if (turn.isPresent()) {
                    rule.row = after(row, a.updates(), version + 1);
                    return new TakenTurn(decided, turn.get());
                }
                // Another node (or a turn given back) moved the rule's state on: read it and decide again.
                decided.release();
                rule.row = null;
                lostTurns.increment();
            }
            return null;
        } finally {
            rule.lock.unlock();
        }
    }

    /** The rule's state after a turn: its pointer or weights as the turn left them. */
    private static StrategyStateRepository.RuleStateRow after(StrategyStateRepository.RuleStateRow before, List<StateUpdate> updates,
            long version) {
        Long last = before == null ? null : before.lastRepId();
        Map<Long, Long> weights = new HashMap<>(before == null ? Map.of() : before.currentWeights());
        for (StateUpdate update : updates) {
            if (update instanceof StateUpdate.PointerMoved p) {
                last = p.repId();
            } else if (update instanceof StateUpdate.WeightsChanged w) {
                weights.putAll(w.currentWeights());
            }
        }
        return new StrategyStateRepository.RuleStateRow(last, Map.copyOf(weights), version);
    }

    /** Gives the turn back when the transaction has ended: in any case ({@code always}), or if it did not commit. */
    private void giveBackAfterCompletion(TurnRepository.Turn turn, boolean always) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (always || status != STATUS_COMMITTED) {
                    turns.giveBack(turn);
                    givenBack.increment();
                }
            }
        });
    }

    /** Round robin and smooth weighted round robin keep all their state in the rule's row: one compare-and-set takes a turn. */
    static boolean takesTurnsOptimistically(StrategyKind kind) {
        return kind == StrategyKind.ROUND_ROBIN || kind == StrategyKind.WEIGHTED_ROUND_ROBIN;
    }

    static boolean readsLedger(StrategyKind kind) {
        return kind == StrategyKind.FAIRNESS_POINTS || kind == StrategyKind.BEST_FIT;
    }

    static boolean keepsTurns(StrategyKind kind) {
        return kind != StrategyKind.LEAST_LOADED && kind != StrategyKind.TIERED;
    }

    private void store(Lead lead, AssignmentKind kind, Decision decision, Long repId, Long poolId, int attempts, String context) {
        store(lead, kind, decision.explanation(), repId, poolId, attempts, context);
    }

    private void store(Lead lead, AssignmentKind kind, Explanation e, Long repId, Long poolId, int attempts, String context) {
        assignments.insert(new AssignmentRepository.NewAssignment(lead.id(), kind, e.outcome(), repId, lead.ownerRepId(), poolId,
                e.ruleSetId() == 0 ? null : e.ruleSetId(), e.ruleSetVersion(), e.ruleKey(), context, Viewers.actorName(), attempts,
                e, clock.instant()));
    }

    /** The one-line reason kept in the audit trail and the LeadAssigned / LeadPooled event. */
    static String summary(RuleSet ruleSet, Decision decision, String context) {
        Explanation e = decision.explanation();
        String rule = ruleSet.rules().stream().filter(r -> r.key().equals(e.ruleKey())).map(Rule::name).findFirst().orElse(null);
        String text = "Rule set v" + ruleSet.version() + (rule == null ? "" : ", rule '" + rule + "'") + ": " + e.why().code();
        return context == null ? text : context + " — " + text;
    }
}
