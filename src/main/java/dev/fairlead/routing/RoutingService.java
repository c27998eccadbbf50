package dev.fairlead.routing;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.HistoricalLead;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadHistory;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.ValueModel;
import dev.fairlead.routing.persistence.AssignmentRepository;
import dev.fairlead.routing.persistence.StrategyStateRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments as people see and make them: the explanation of each assignment of a lead, manual
 * assignment with a reason, bulk reassignment of a rep's leads through the engine, and the
 * fairness ledger. All within the viewer's data scope; changes by managers (and directors, admins) only.
 */
@Service
public class RoutingService {

    private final LeadService leads;
    private final LeadHistory history;
    private final LeadOwnership ownership;
    private final RepService reps;
    private final LeadRouter router;
    private final AssignmentRepository assignments;
    private final StrategyStateRepository states;
    private final Validator validator;
    private final Clock clock;
    private final dev.fairlead.routing.persistence.WaitingRepository waiting;
    private final org.springframework.beans.factory.ObjectProvider<WaitingLeads> waitingLeads;
    private final ExplanationFacts explanationFacts;

    RoutingService(LeadService leads, LeadHistory history, LeadOwnership ownership, RepService reps, LeadRouter router,
            AssignmentRepository assignments, StrategyStateRepository states, Validator validator, Clock clock,
            dev.fairlead.routing.persistence.WaitingRepository waiting,
            org.springframework.beans.factory.ObjectProvider<WaitingLeads> waitingLeads, ExplanationFacts explanationFacts) {
        this.explanationFacts = explanationFacts;
        this.waiting = waiting;
        this.waitingLeads = waitingLeads;
        this.leads = leads;
        this.history = history;
        this.ownership = ownership;
        this.reps = reps;
        this.router = router;
        this.assignments = assignments;
        this.states = states;
        this.validator = validator;
        this.clock = clock;
    }

    /** Every assignment of a lead the viewer may see, newest first, with explanations; 404 outside scope. */
    @Transactional(readOnly = true)
    public List<AssignmentRecord> assignments(Viewer viewer, long leadId) {
        // a lead waiting for working hours has no owner yet: its teams' managers may read why it waits
        if (!waitingLeads.getObject().visibleTo(viewer, leadId)) {
            leads.get(viewer, leadId);
        }
        return assignments.findByLead(leadId, repIds -> explanationFacts.with(names(repIds)));
    }

    /** A manager gives the lead to a rep (both in their scope), with a reason; caps hold unless overridden. */
    @Transactional
    public AssignmentRecord assign(Viewer viewer, long leadId, ManualAssignment cmd) {
        requireManager(viewer);
        Validation.throwIfAny(Validation.check(validator, cmd));
        Lead lead = leads.get(viewer, leadId);
        Rep rep = visibleRep(viewer, cmd.repId());
        LeadOwnership.Outcome outcome = ownership.assign(leadId, rep.id(), cmd.reason(), !cmd.overrideCaps());
        if (outcome instanceof LeadOwnership.Outcome.CapReached) {
            throw new ConflictException("routing.capReached", "Rep " + rep.id() + " is at a cap or inactive; override caps to assign anyway");
        }
        if (outcome instanceof LeadOwnership.Outcome.Assigned) {
            waiting.remove(leadId);
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock);
            ValueModel.LeadValue value = ValueModel.DEFAULT.valueOf(RoutingInputs.facts(lead));
            states.charge(rep.id(), leadId, today, value.points(), value.expectedValue(), "RECEIVED", null, now);
            if (lead.ownerRepId() != null) {
                states.creditBack(lead.ownerRepId(), leadId, today, now);
            }
            assignments.insert(new AssignmentRepository.NewAssignment(leadId, AssignmentKind.MANUAL, Explanation.Outcome.ASSIGNED,
                    rep.id(), lead.ownerRepId(), null, null, null, null, cmd.reason(), viewer.username(), 1, null, now));
        }
        return assignments(viewer, leadId).get(0);
    }

    /** Hands on a rep's open leads through the active rules, leaving that rep out; leads nobody can take go to the pool. */
    @Transactional
    public BulkResult reassignAll(Viewer viewer, long repId, BulkReassignment cmd) {
        requireManager(viewer);
        Validation.throwIfAny(Validation.check(validator, cmd));
        Rep rep = reps.get(viewer, repId);
        List<HistoricalLead> open = new ArrayList<>(history.openOwnedBy(List.of(rep.id())));
        open.sort(Comparator.comparing(HistoricalLead::createdAt).reversed());
        if (cmd.limit() != null && open.size() > cmd.limit()) {
            open = open.subList(0, cmd.limit());
        }
        List<BulkResult.Moved> moved = new ArrayList<>();
        int reassigned = 0;
        for (HistoricalLead lead : open) {
            LeadRouter.Routed r = router.route(lead.id(), AssignmentKind.BULK, Set.of(rep.id()),
                    "Bulk reassignment from " + rep.name() + " by " + viewer.username() + ": " + cmd.reason());
            moved.add(new BulkResult.Moved(lead.id(), r.repId(), r.poolId()));
            reassigned += r.repId() == null ? 0 : 1;
        }
        return new BulkResult(rep.id(), reassigned, moved.size() - reassigned, moved);
    }

    /**
     * Routes a lead anew through the active rules, leaving out the rep who missed its first-contact
     * SLA; the breach is kept as the reason with the explanation. Returns the new owner, or empty
     * when nobody was eligible and the lead went to the pool.
     */
    @Transactional
    public java.util.OptionalLong rerouteAfterSlaBreach(long leadId, long missedBy, String reason) {
        LeadRouter.Routed r = router.route(leadId, AssignmentKind.SLA_BREACH, Set.of(missedBy), reason);
        return r.repId() == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(r.repId());
    }

    /** Fairness balances of the reps the viewer may see, for the period containing {@code day}. */
    @Transactional(readOnly = true)
    public List<LedgerLine> ledger(Viewer viewer, PeriodKind kind, LocalDate day) {
        LocalDate start = kind.start(day);
        Map<Long, Rep> visible = reps.list(viewer, RepQuery.all()).stream().collect(Collectors.toMap(Rep::id, Function.identity()));
        return states.balances(kind, start).stream()
                .filter(b -> visible.containsKey(b.repId()))
                .map(b -> new LedgerLine(b.repId(), visible.get(b.repId()).name(), visible.get(b.repId()).teamName(), kind, start,
                        b.points(), b.expectedValue(), b.leads()))
                .toList();
    }

    /** The open leads and today's new leads of the active reps the viewer may see, against their caps. */
    @Transactional(readOnly = true)
    public List<RepWorkload> workload(Viewer viewer) {
        List<Rep> visible = reps.list(viewer, RepQuery.all()).stream().filter(Rep::active).toList();
        Map<Long, dev.fairlead.leads.RepLoad> loads = ownership.loads(visible.stream().map(Rep::id).toList());
        return visible.stream().map(r -> {
            dev.fairlead.leads.RepLoad l = loads.getOrDefault(r.id(), dev.fairlead.leads.RepLoad.empty(r.id()));
            return new RepWorkload(r.id(), r.name(), r.teamName(), l.openLeads(), r.maxOpenLeads(), l.newToday(), r.maxNewPerDay());
        }).toList();
    }

    Map<Long, String> names(Set<Long> repIds) {
        if (repIds.isEmpty()) {
            return Map.of();
        }
        return reps.forRouting(false, List.of(), repIds).stream().collect(Collectors.toMap(Rep::id, Rep::name));
    }

    private Rep visibleRep(Viewer viewer, long repId) {
        try {
            return reps.get(viewer, repId);
        } catch (NotFoundException e) {
            throw new dev.fairlead.common.InvalidInputException(List.of(FieldProblem.of("repId", "routing.rep.unknown", repId)));
        }
    }

    static void requireManager(Viewer viewer) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Role " + viewer.role() + " cannot assign leads or change assignment rules");
        }
    }
}
