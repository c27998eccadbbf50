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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes one lead through the active rules and applies the decision through {@link LeadOwnership}
 * in the caller's transaction. When the winning rule keeps turns (round robin, weighted, fairness
 * points, best fit), its state row is locked and the lead decided again on state no other node can
 * change meanwhile, so nodes take turns on a rule without serialising the rules they don't use. A
 * cap the database refuses (another node was faster) means deciding again with fresh counters;
 * after {@link #MAX_ATTEMPTS} the lead goes to the pool, never nowhere.
 */
@Component
class LeadRouter {

    static final int MAX_ATTEMPTS = 4;

    /** Where a routed lead went. */
    record Routed(long leadId, Long repId, Long poolId, int attempts, Decision decision) {}

    private final LeadService leads;
    private final LeadOwnership ownership;
    private final ActiveRuleSet active;
    private final RoutingInputs inputs;
    private final StrategyStateRepository states;
    private final AssignmentRepository assignments;
    private final Clock clock;
    private final RoutingEngine engine = RoutingEngine.explaining();
    private final Timer timer;

    LeadRouter(LeadService leads, LeadOwnership ownership, ActiveRuleSet active, RoutingInputs inputs,
            StrategyStateRepository states, AssignmentRepository assignments, Clock clock, MeterRegistry meters) {
        this.leads = leads;
        this.ownership = ownership;
        this.active = active;
        this.inputs = inputs;
        this.states = states;
        this.assignments = assignments;
        this.clock = clock;
        this.timer = Timer.builder("fairlead.routing.decision").description("Routing one lead, from reading the rules to storing the explanation")
                .publishPercentileHistogram().register(meters);
    }

    /** Routes the lead; {@code excluded} reps may not receive it (e.g. the rep whose leads are being handed on). */
    @Transactional(propagation = Propagation.MANDATORY)
    Routed route(long leadId, AssignmentKind kind, Set<Long> excluded, String context) {
        return timer.record(() -> decideAndApply(leadId, kind, excluded, context));
    }

    private Routed decideAndApply(long leadId, AssignmentKind kind, Set<Long> excluded, String context) {
        Lead lead = leads.getForSystem(leadId);
        LeadFacts facts = RoutingInputs.facts(lead);
        RuleSet ruleSet = active.current();
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<Rule> matching = ruleSet.rules().stream().filter(r -> r.matches(facts)).toList();
        List<String> stateful = matching.stream().filter(r -> keepsTurns(r.strategy())).map(Rule::key).toList();
        Set<String> locked = new HashSet<>();
        Decision decision = null;
        int attempt = 0;
        while (attempt < MAX_ATTEMPTS) {
            List<RepState> reps = inputs.repsFor(matching, excluded);
            StrategyState state = states.state(stateful.isEmpty() ? Map.of() : states.read(stateful),
                    states.balancesAround(reps.stream().map(RepState::repId).toList(), now.toLocalDate()));
            decision = engine.route(facts, reps, ruleSet, state, now);
            if (decision instanceof Decision.Assigned a && stateful.contains(a.ruleKey()) && locked.add(a.ruleKey())) {
                // Take this rule's turn lock, then decide again on state no other node can change meanwhile.
                states.lock(List.of(a.ruleKey()));
                continue;
            }
            attempt++;
            if (decision instanceof Decision.Pooled pooled) {
                ownership.moveToPool(leadId, pooled.poolId(), summary(ruleSet, decision, context));
                store(lead, kind, decision, null, pooled.poolId(), attempt, context);
                return new Routed(leadId, null, pooled.poolId(), attempt, decision);
            }
            Decision.Assigned assigned = (Decision.Assigned) decision;
            LeadOwnership.Outcome outcome = ownership.assign(leadId, assigned.repId(), summary(ruleSet, decision, context), true);
            if (outcome instanceof LeadOwnership.Outcome.CapReached) {
                continue;
            }
            states.apply(assigned.updates(), leadId, assigned.ruleKey(), now.toInstant());
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

    static boolean keepsTurns(StrategyKind kind) {
        return kind != StrategyKind.LEAST_LOADED && kind != StrategyKind.TIERED;
    }

    private void store(Lead lead, AssignmentKind kind, Decision decision, Long repId, Long poolId, int attempts, String context) {
        Explanation e = decision.explanation();
        assignments.insert(new AssignmentRepository.NewAssignment(lead.id(), kind, e.outcome(), repId, lead.ownerRepId(), poolId,
                e.ruleSetId() == 0 ? null : e.ruleSetId(), e.ruleSetVersion(), e.ruleKey(), context, Viewers.actorName(), attempts,
                e, clock.instant()));
    }

    /** The one-line reason kept in the audit trail and the LeadAssigned / LeadPooled event. */
    private static String summary(RuleSet ruleSet, Decision decision, String context) {
        Explanation e = decision.explanation();
        String rule = ruleSet.rules().stream().filter(r -> r.key().equals(e.ruleKey())).map(Rule::name).findFirst().orElse(null);
        String text = "Rule set v" + ruleSet.version() + (rule == null ? "" : ", rule '" + rule + "'") + ": " + e.why().code();
        return context == null ? text : context + " — " + text;
    }
}
