package dev.fairlead.routing;

import dev.fairlead.common.Viewers;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.routing.domain.Decision;
import dev.fairlead.routing.domain.EvolvingStrategyState;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.LeadFacts;
import dev.fairlead.routing.domain.RepCalendar;
import dev.fairlead.routing.domain.RepState;
import dev.fairlead.routing.domain.Roster;
import dev.fairlead.routing.domain.RoutingEngine;
import dev.fairlead.routing.domain.Rule;
import dev.fairlead.routing.domain.RuleSet;
import dev.fairlead.routing.domain.StateUpdate;
import dev.fairlead.routing.persistence.AssignmentRepository;
import dev.fairlead.routing.persistence.StrategyStateRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes a chunk of new leads (an import) set-based in the caller's transaction, with the same
 * engine and the same outcome as routing them one after another (decision 0209): the leads are read
 * in one query; the state rows of the stateful rules any of them can reach are locked and read once
 * with the reps' counters and ledger balances; every lead is decided in order in memory, each
 * decision seeing the counters and strategy state the ones before it left; then the decisions are
 * applied through {@link LeadOwnership#assignAll} and {@link LeadOwnership#moveAllToPool} (one
 * conditional counter update per rep), the explanations, ledger entries and each rule's final
 * state are stored with a few statements. The leads of a rep whose counters the database refuses
 * (another transaction took its last places) are routed again one by one through
 * {@link LeadRouter}, on fresh counters: never a lead without owner or pool place. Working hours
 * count as they do for one lead: the reps are taken as their calendars have them at the moment, and
 * a lead that fell through only because the reps who could take it are off waits for working hours.
 */
@Component
class ChunkRouter {

    /** How a chunk went: leads assigned or pooled from the chunk's decisions, and leads decided again one by one. */
    record Routed(int assigned, int pooled, int waiting, int decidedAgain) {}

    private final LeadService leads;
    private final LeadOwnership ownership;
    private final ActiveRuleSet active;
    private final RoutingInputs inputs;
    private final StrategyStateRepository states;
    private final AssignmentRepository assignments;
    private final LeadRouter router;
    private final OffHours offHours;
    private final WaitingLeads waiting;
    private final Clock clock;
    private final RoutingEngine engine = RoutingEngine.explaining();
    private final Timer timer;
    private final Counter decidedAgain;

    ChunkRouter(LeadService leads, LeadOwnership ownership, ActiveRuleSet active, RoutingInputs inputs, StrategyStateRepository states,
            AssignmentRepository assignments, LeadRouter router, OffHours offHours, WaitingLeads waiting, Clock clock,
            MeterRegistry meters) {
        this.leads = leads;
        this.ownership = ownership;
        this.active = active;
        this.inputs = inputs;
        this.states = states;
        this.assignments = assignments;
        this.router = router;
        this.offHours = offHours;
        this.waiting = waiting;
        this.clock = clock;
        this.timer = Timer.builder("fairlead.routing.chunk").description("Routing a chunk of new leads set-based")
                .publishPercentileHistogram().register(meters);
        this.decidedAgain = Counter.builder("fairlead.routing.chunk.decided.again")
                .description("Leads of a chunk whose rep's counters were refused, routed again one by one").register(meters);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Routed route(List<Long> leadIds, AssignmentKind kind, String context) {
        return timer.record(() -> decideAndApply(leadIds, kind, context));
    }

    /** One lead's decision in the chunk, the state changes it made (weights as differences), and its wait for working hours (or null). */
    private record Decided(Lead lead, Decision decision, Map<String, Map<Long, Long>> weightDeltas, RepCalendar.Hold hold) {}

    private Routed decideAndApply(List<Long> leadIds, AssignmentKind kind, String context) {
        List<Lead> chunk = leads.getAllForSystem(leadIds);
        if (chunk.isEmpty()) {
            return new Routed(0, 0, 0, 0);
        }
        RuleSet ruleSet = active.current();
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<LeadFacts> facts = chunk.stream().map(RoutingInputs::facts).toList();
        List<Rule> matching = ruleSet.rules().stream().filter(r -> facts.stream().anyMatch(r::matches)).toList();
        List<String> stateful = matching.stream().filter(r -> LeadRouter.keepsTurns(r.strategy())).map(Rule::key).toList();
        boolean withLedger = matching.stream().anyMatch(r -> LeadRouter.readsLedger(r.strategy()));

        // The rules' turns are taken under their row locks until commit; counters and balances are read after them.
        Map<String, StrategyStateRepository.RuleStateRow> rows = states.lock(stateful);
        RepCalendar calendar = offHours.calendar();
        List<RepState> reps = new ArrayList<>(OffHours.atWork(calendar, inputs.repsFor(matching, Set.of()), now));
        List<StrategyStateRepository.Balance> balances = withLedger && !reps.isEmpty()
                ? states.balancesAround(reps.stream().map(RepState::repId).toList(), now.toLocalDate()) : List.of();
        EvolvingStrategyState state = new EvolvingStrategyState(states.state(rows, balances));
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < reps.size(); i++) {
            index.put(reps.get(i).repId(), i);
        }
        Roster roster = new Roster(reps);

        List<Decided> decided = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            Decision decision = engine.route(facts.get(i), roster, ruleSet, state, now);
            Map<String, Map<Long, Long>> deltas = Map.of();
            RepCalendar.Hold hold = null;
            if (decision instanceof Decision.Pooled && kind == AssignmentKind.AUTO && chunk.get(i).ownerRepId() == null
                    && chunk.get(i).poolId() == null) {
                hold = calendar.hold(decision, reps, now.toInstant()).orElse(null);
            }
            if (decision instanceof Decision.Assigned a) {
                deltas = weightDeltas(a.updates(), state);
                state.apply(a.updates());
                int at = index.get(a.repId());
                roster.replace(at, reps.get(at).withOneMoreLead());
            }
            decided.add(new Decided(chunk.get(i), decision, deltas, hold));
        }
        return apply(decided, ruleSet, rows, kind, context, now, Set.copyOf(stateful));
    }

    /** What each smooth weighted round-robin change adds to the weights it touches (changes add up, so a refused one can be left out). */
    private static Map<String, Map<Long, Long>> weightDeltas(List<StateUpdate> updates, EvolvingStrategyState before) {
        Map<String, Map<Long, Long>> deltas = new HashMap<>();
        for (StateUpdate u : updates) {
            if (u instanceof StateUpdate.WeightsChanged w) {
                Map<Long, Long> d = deltas.computeIfAbsent(w.ruleKey(), k -> new HashMap<>());
                w.currentWeights().forEach((rep, weight) -> d.put(rep, weight - before.currentWeight(w.ruleKey(), rep)));
            }
        }
        return deltas;
    }

    private Routed apply(List<Decided> decided, RuleSet ruleSet, Map<String, StrategyStateRepository.RuleStateRow> rows,
            AssignmentKind kind, String context, ZonedDateTime now, Set<String> locked) {
        List<LeadOwnership.Handover> handovers = new ArrayList<>();
        List<LeadOwnership.PoolMove> poolMoves = new ArrayList<>();
        for (Decided d : decided) {
            String reason = LeadRouter.summary(ruleSet, d.decision(), context);
            if (d.decision() instanceof Decision.Assigned a) {
                handovers.add(new LeadOwnership.Handover(d.lead().id(), a.repId(), reason));
            } else if (d.hold() != null) {
                waiting.hold(d.lead().id(), d.lead().createdAt(), d.hold().routeAfter(), d.hold().teamIds());
            } else {
                poolMoves.add(new LeadOwnership.PoolMove(d.lead().id(), ((Decision.Pooled) d.decision()).poolId(), reason));
            }
        }
        ownership.moveAllToPool(poolMoves);
        Set<Long> refused = new HashSet<>();
        ownership.assignAll(handovers, true).forEach(h -> refused.add(h.leadId()));

        // The state the accepted decisions leave, stored once per rule; the ledger charged once for all.
        Map<String, Long> pointers = new LinkedHashMap<>();
        Map<String, Map<Long, Long>> weights = new LinkedHashMap<>();
        List<StrategyStateRepository.Receipt> receipts = new ArrayList<>();
        List<AssignmentRepository.NewAssignment> explained = new ArrayList<>(decided.size());
        int assigned = 0;
        for (Decided d : decided) {
            Explanation e = d.hold() != null ? d.hold().explanation() : d.decision().explanation();
            long leadId = d.lead().id();
            if (d.decision() instanceof Decision.Assigned a) {
                if (refused.contains(leadId)) {
                    continue;
                }
                assigned++;
                for (StateUpdate u : a.updates()) {
                    if (u instanceof StateUpdate.PointerMoved p) {
                        pointers.put(p.ruleKey(), p.repId());
                    } else if (u instanceof StateUpdate.LedgerCharged c) {
                        receipts.add(new StrategyStateRepository.Receipt(c.repId(), leadId, c.day(), c.points(), c.value(), a.ruleKey()));
                    }
                }
                d.weightDeltas().forEach((rule, delta) -> delta.forEach((rep, add) ->
                        weights.computeIfAbsent(rule, k -> new HashMap<>()).merge(rep, add, Long::sum)));
            }
            Long repId = d.decision() instanceof Decision.Assigned a ? a.repId() : null;
            Long poolId = d.decision() instanceof Decision.Pooled p ? p.poolId() : null;
            explained.add(new AssignmentRepository.NewAssignment(leadId, kind, e.outcome(), repId, d.lead().ownerRepId(), poolId,
                    e.ruleSetId() == 0 ? null : e.ruleSetId(), e.ruleSetVersion(), e.ruleKey(), context, Viewers.actorName(), 1, e,
                    clock.instant()));
        }
        Set<String> changed = new HashSet<>(pointers.keySet());
        changed.addAll(weights.keySet());
        for (String rule : changed.stream().sorted().toList()) {
            StrategyStateRepository.RuleStateRow before = rows.get(rule);
            Map<Long, Long> finalWeights = new HashMap<>();
            weights.getOrDefault(rule, Map.of()).forEach((rep, add) ->
                    finalWeights.put(rep, (before == null ? 0L : before.currentWeights().getOrDefault(rep, 0L)) + add));
            states.store(rule, pointers.get(rule), finalWeights);
        }
        states.chargeAll(receipts, now.toInstant());
        assignments.insertAll(explained);

        // Leads whose rep was refused: decided again one by one on fresh counters, under the locks this transaction holds.
        int again = 0;
        for (Decided d : decided) {
            if (refused.contains(d.lead().id())) {
                router.route(d.lead().id(), kind, Set.of(), context, locked);
                again++;
            }
        }
        decidedAgain.increment(again);
        return new Routed(assigned, poolMoves.size(), decided.size() - assigned - poolMoves.size() - again, again);
    }
}
