package dev.fairlead.routing;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadHistory;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.RebalancePlanner;
import dev.fairlead.routing.domain.RepState;
import dev.fairlead.routing.domain.ValueModel;
import dev.fairlead.routing.persistence.AssignmentRepository;
import dev.fairlead.routing.persistence.RebalanceRepository;
import dev.fairlead.routing.persistence.StrategyStateRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebalancing of open leads within a manager's scope: the solver proposes moves that maximise
 * expected conversion under capacity, territory, skill and fairness constraints; the manager
 * previews them with their gain and applies them (each through {@link LeadOwnership}, audited) or
 * discards them.
 */
@Service
public class RebalanceService {

    private final RepService reps;
    private final TeamService teams;
    private final LeadService leads;
    private final LeadHistory history;
    private final LeadOwnership ownership;
    private final RoutingInputs inputs;
    private final RebalanceRepository rebalances;
    private final AssignmentRepository assignments;
    private final StrategyStateRepository states;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;
    private final RebalancePlanner planner = new RebalancePlanner();

    RebalanceService(RepService reps, TeamService teams, LeadService leads, LeadHistory history, LeadOwnership ownership,
            RoutingInputs inputs, RebalanceRepository rebalances, AssignmentRepository assignments, StrategyStateRepository states,
            AuditTrail audit, Validator validator, Clock clock) {
        this.reps = reps;
        this.teams = teams;
        this.leads = leads;
        this.history = history;
        this.ownership = ownership;
        this.inputs = inputs;
        this.rebalances = rebalances;
        this.assignments = assignments;
        this.states = states;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public RebalanceProposal propose(Viewer viewer, RebalanceRequest req) {
        RoutingService.requireManager(viewer);
        Validation.throwIfAny(Validation.check(validator, req));
        // Boxed on purpose: a director's proposal without a team covers every rep (teamId null).
        Long teamId = req.teamId() != null ? Long.valueOf(teams.get(viewer, req.teamId()).id()) : viewer.seesAll() ? null : viewer.teamId();
        List<Rep> inScope = reps.list(viewer, new RepQuery(teamId, null, null, null));
        List<RepState> repStates = inputs.states(inScope, true);
        List<RebalancePlanner.OpenLead> open = inScope.isEmpty() ? List.of()
                : history.openOwnedBy(inScope.stream().map(Rep::id).toList()).stream()
                        .map(l -> new RebalancePlanner.OpenLead(RoutingInputs.facts(l), l.ownerRepId())).toList();
        long started = System.nanoTime();
        RebalancePlanner.Plan plan = planner.plan(open, repStates,
                new RebalancePlanner.Params(req.guardMultiple(), req.movePenalty(), req.requireSkill()), LocalDate.now(clock));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long id = rebalances.insert(teamId, req, plan, millis, viewer.username(), clock.instant());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("leads", plan.leads());
        summary.put("moves", plan.moves().size());
        summary.put("objectiveBefore", plan.objectiveBefore());
        summary.put("objectiveAfter", plan.objectiveAfter());
        audit.record(Change.created("rebalance", id, teamId, null, summary).as("PROPOSE"));
        return get(viewer, id);
    }

    @Transactional(readOnly = true)
    public RebalanceProposal get(Viewer viewer, long id) {
        // Like a backtest, a proposal is a manager's tool: it lists every rep's leads it would move.
        RoutingService.requireManager(viewer);
        RebalanceProposal p = rebalances.find(id).orElseThrow(() -> new NotFoundException("rebalance", id));
        if (p.teamId() == null ? !viewer.seesAll() : !visible(viewer, p.teamId())) {
            throw new NotFoundException("rebalance", id);
        }
        return p;
    }

    /** Applies every proposed move whose lead still belongs to the same rep and whose receiver is under their caps. */
    @Transactional
    public RebalanceProposal apply(Viewer viewer, long id) {
        RoutingService.requireManager(viewer);
        RebalanceProposal proposal = decidable(viewer, id);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        int applied = 0;
        for (RebalanceProposal.ProposedMove move : proposal.moves()) {
            Lead lead = leads.getForSystem(move.leadId());
            if (lead.ownerRepId() == null || lead.ownerRepId() != move.fromRepId() || !lead.status().isOpen()) {
                rebalances.moveDone(move.id(), "SKIPPED", "changedSinceProposal");
                continue;
            }
            String reason = "Rebalancing #" + id + " by " + viewer.username() + ": expected conversion +" + String.format("%.4f", move.gain());
            if (ownership.assign(move.leadId(), move.toRepId(), reason, true) instanceof LeadOwnership.Outcome.CapReached) {
                rebalances.moveDone(move.id(), "SKIPPED", "capReached");
                continue;
            }
            ValueModel.LeadValue value = ValueModel.DEFAULT.valueOf(RoutingInputs.facts(lead));
            states.charge(move.toRepId(), move.leadId(), today, value.points(), value.expectedValue(), "RECEIVED", null, now);
            states.creditBack(move.fromRepId(), move.leadId(), today, now);
            assignments.insert(new AssignmentRepository.NewAssignment(move.leadId(), AssignmentKind.REBALANCE,
                    Explanation.Outcome.ASSIGNED, move.toRepId(), move.fromRepId(), null, null, null, null, reason, viewer.username(), 1,
                    null, now));
            rebalances.moveDone(move.id(), "APPLIED", null);
            applied++;
        }
        rebalances.decide(id, "APPLIED", viewer.username(), now);
        audit.record(new Change("APPLY", "rebalance", String.valueOf(id), proposal.teamId(), null, Map.of("status", "PROPOSED"),
                Map.of("status", "APPLIED", "applied", applied, "skipped", proposal.moves().size() - applied), null));
        return get(viewer, id);
    }

    @Transactional
    public RebalanceProposal discard(Viewer viewer, long id) {
        RoutingService.requireManager(viewer);
        RebalanceProposal proposal = decidable(viewer, id);
        rebalances.decide(id, "DISCARDED", viewer.username(), clock.instant());
        audit.record(new Change("DISCARD", "rebalance", String.valueOf(id), proposal.teamId(), null, Map.of("status", "PROPOSED"),
                Map.of("status", "DISCARDED"), null));
        return get(viewer, id);
    }

    private RebalanceProposal decidable(Viewer viewer, long id) {
        RebalanceProposal proposal = get(viewer, id);
        String status = rebalances.lockStatus(id).orElseThrow();
        if (!"PROPOSED".equals(status)) {
            throw new ConflictException("routing.rebalance.decided", "Rebalancing #" + id + " was already " + status);
        }
        return proposal;
    }

    private boolean visible(Viewer viewer, long teamId) {
        try {
            teams.get(viewer, teamId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
