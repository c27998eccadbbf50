package dev.fairlead.work;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.leads.Customer;
import dev.fairlead.leads.CustomerService;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadActivity;
import dev.fairlead.leads.LeadService;
import dev.fairlead.work.persistence.FollowUpRepository;
import dev.fairlead.work.persistence.FollowUpRepository.Subject;
import dev.fairlead.work.persistence.SlaRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups on a lead, a deal or a customer. Logging one on a lead (or on a deal that has a lead)
 * updates the lead's contact times — which pool recovery reads — and meets a running first-contact
 * SLA; a next follow-up time creates the reminder task for the owner of what it was logged on. One
 * transaction, audited. A follow-up on a deal also names the deal's customer, so the customer's
 * history shows it.
 */
@Service
public class FollowUpService {

    /** What a follow-up is being logged on, with whom its reminder task goes to and how to name it. */
    private record Target(Subject subject, Long ownerRepId, Long ownerTeamId, String label, String entity, long entityId) {}

    private final FollowUpRepository followUps;
    private final SlaRepository sla;
    private final TaskService tasks;
    private final LeadService leads;
    private final DealService deals;
    private final CustomerService customers;
    private final LeadActivity activity;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Validator validator;
    private final Clock clock;

    FollowUpService(FollowUpRepository followUps, SlaRepository sla, TaskService tasks, LeadService leads, DealService deals,
            CustomerService customers, LeadActivity activity, AuditTrail audit, ApplicationEventPublisher events,
            MessageSource messages, Validator validator, Clock clock) {
        this.followUps = followUps;
        this.sla = sla;
        this.tasks = tasks;
        this.leads = leads;
        this.deals = deals;
        this.customers = customers;
        this.activity = activity;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.validator = validator;
        this.clock = clock;
    }

    /** The lead's follow-ups, including those logged on its deals. */
    @Transactional(readOnly = true)
    public List<FollowUp> forLead(Viewer viewer, long leadId) {
        leads.get(viewer, leadId);
        return followUps.forLead(leadId);
    }

    /** The deal's follow-ups; 404 when the viewer cannot see the deal. */
    @Transactional(readOnly = true)
    public List<FollowUp> forDeal(Viewer viewer, long dealId) {
        deals.get(viewer, dealId);
        return followUps.forDeal(dealId);
    }

    /** The customer's follow-ups, including those logged on its deals; 404 when the viewer cannot see the customer. */
    @Transactional(readOnly = true)
    public List<FollowUp> forCustomer(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        return followUps.forCustomer(customerId);
    }

    /** One follow-up, when the viewer can see what it was logged on (its deal, else its customer, else its lead); else 404. */
    @Transactional(readOnly = true)
    public FollowUp get(Viewer viewer, long id) {
        FollowUp f = followUps.find(id).orElseThrow(() -> new NotFoundException("follow_up", id));
        if (f.dealId() != null) {
            deals.get(viewer, f.dealId());
        } else if (f.customerId() != null) {
            customers.get(viewer, f.customerId());
        } else if (f.leadId() != null) {
            leads.get(viewer, f.leadId());
        }
        return f;
    }

    @Transactional
    public FollowUp log(Viewer viewer, long leadId, FollowUpCommand cmd) {
        requireSeller(viewer);
        Lead lead = leads.get(viewer, leadId);
        return log(viewer, new Target(new Subject(leadId, null, null), lead.ownerRepId(), lead.ownerTeamId(), label(lead), "lead", leadId), cmd);
    }

    /** Logs a follow-up on a deal the viewer can see (else 404); it counts as activity for the deal's lead. */
    @Transactional
    public FollowUp logOnDeal(Viewer viewer, long dealId, FollowUpCommand cmd) {
        requireSeller(viewer);
        Deal deal = deals.get(viewer, dealId);
        return log(viewer, new Target(new Subject(deal.leadId(), dealId, deal.customerId()), deal.ownerRepId(), deal.ownerTeamId(),
                deal.name(), "deal", dealId), cmd);
    }

    /** Logs a follow-up on a customer the viewer can see (else 404). */
    @Transactional
    public FollowUp logOnCustomer(Viewer viewer, long customerId, FollowUpCommand cmd) {
        requireSeller(viewer);
        Customer customer = customers.get(viewer, customerId);
        return log(viewer, new Target(new Subject(null, null, customerId), customer.ownerRepId(), customer.ownerTeamId(),
                customer.name(), "customer", customerId), cmd);
    }

    private FollowUp log(Viewer viewer, Target target, FollowUpCommand cmd) {
        Instant now = clock.instant();
        Instant occurredAt = cmd.occurredAt() == null ? now : cmd.occurredAt();
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (occurredAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            problems.add(FieldProblem.of("occurredAt", "work.followUp.future"));
        }
        if (cmd.nextFollowUpAt() != null && !cmd.nextFollowUpAt().isAfter(now)) {
            problems.add(FieldProblem.of("nextFollowUpAt", "work.followUp.nextInPast"));
        }
        if (cmd.nextFollowUpAt() != null && target.ownerRepId() == null && viewer.repId() == null) {
            problems.add(FieldProblem.of("nextFollowUpAt", "work.followUp.noOwner"));
        }
        Validation.throwIfAny(problems);
        Subject subject = target.subject();
        long id = followUps.insert(subject, viewer.repId(), viewer.username(), cmd, occurredAt, now);
        if (subject.leadId() != null) {
            activity.followedUp(subject.leadId(), occurredAt);
            for (SlaRepository.FirstContact first : sla.contacted(subject.leadId(), occurredAt)) {
                events.publishEvent(new FirstContactMade(first.timerId(), subject.leadId(), first.repId(), first.withinSla(), occurredAt));
            }
        }
        if (cmd.nextFollowUpAt() != null) {
            long owner = target.ownerRepId() != null ? target.ownerRepId() : viewer.repId();
            long team = target.ownerRepId() != null && target.ownerTeamId() != null ? target.ownerTeamId() : viewer.teamId();
            String title = messages.getMessage("work.followUp.taskTitle", new Object[] {target.label()}, LocaleContextHolder.getLocale());
            tasks.createFollowUpTask(owner, team, subject.leadId(), subject.dealId(), subject.customerId(), id, title,
                    cmd.nextFollowUpAt(), viewer.username());
        }
        FollowUp logged = followUps.find(id).orElseThrow(() -> new NotFoundException("follow-up", id));
        audit.record(Change.created("follow_up", id, target.ownerTeamId(), target.ownerRepId(), logged)
                .because("logged on " + target.entity() + " " + target.entityId()));
        events.publishEvent(new FollowUpLogged(id, subject.leadId(), subject.dealId(), subject.customerId(), viewer.repId(),
                cmd.kind(), cmd.outcome(), occurredAt));
        return logged;
    }

    private static void requireSeller(Viewer viewer) {
        if (viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Finance does not follow up on leads, deals or customers");
        }
    }

    static String label(Lead lead) {
        return lead.company() != null ? lead.company() + " · " + lead.contactName() : lead.contactName();
    }
}
