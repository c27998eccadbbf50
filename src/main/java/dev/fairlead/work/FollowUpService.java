package dev.fairlead.work;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadActivity;
import dev.fairlead.leads.LeadService;
import dev.fairlead.work.persistence.FollowUpRepository;
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
 * Follow-ups on a lead (the customer, until customers are their own records). Logging one updates
 * the lead's contact times, meets a running first-contact SLA, and — with a next follow-up time —
 * creates the reminder task for the lead's owner; all in one transaction, audited.
 */
@Service
public class FollowUpService {

    private final FollowUpRepository followUps;
    private final SlaRepository sla;
    private final TaskService tasks;
    private final LeadService leads;
    private final LeadActivity activity;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Validator validator;
    private final Clock clock;

    FollowUpService(FollowUpRepository followUps, SlaRepository sla, TaskService tasks, LeadService leads,
            LeadActivity activity, AuditTrail audit, ApplicationEventPublisher events, MessageSource messages,
            Validator validator, Clock clock) {
        this.followUps = followUps;
        this.sla = sla;
        this.tasks = tasks;
        this.leads = leads;
        this.activity = activity;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<FollowUp> forLead(Viewer viewer, long leadId) {
        leads.get(viewer, leadId);
        return followUps.forLead(leadId);
    }

    @Transactional
    public FollowUp log(Viewer viewer, long leadId, FollowUpCommand cmd) {
        if (viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Finance does not follow up on leads");
        }
        Lead lead = leads.get(viewer, leadId);
        Instant now = clock.instant();
        Instant occurredAt = cmd.occurredAt() == null ? now : cmd.occurredAt();
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (occurredAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            problems.add(FieldProblem.of("occurredAt", "work.followUp.future"));
        }
        if (cmd.nextFollowUpAt() != null && !cmd.nextFollowUpAt().isAfter(now)) {
            problems.add(FieldProblem.of("nextFollowUpAt", "work.followUp.nextInPast"));
        }
        if (cmd.nextFollowUpAt() != null && lead.ownerRepId() == null && viewer.repId() == null) {
            problems.add(FieldProblem.of("nextFollowUpAt", "work.followUp.noOwner"));
        }
        Validation.throwIfAny(problems);
        long id = followUps.insert(leadId, viewer.repId(), viewer.username(), cmd, occurredAt, now);
        activity.followedUp(leadId, occurredAt);
        sla.contacted(leadId, occurredAt);
        if (cmd.nextFollowUpAt() != null) {
            long owner = lead.ownerRepId() != null ? lead.ownerRepId() : viewer.repId();
            long team = lead.ownerTeamId() != null ? lead.ownerTeamId() : viewer.teamId();
            String title = messages.getMessage("work.followUp.taskTitle", new Object[] {label(lead)}, LocaleContextHolder.getLocale());
            tasks.createFollowUpTask(owner, team, leadId, id, title, cmd.nextFollowUpAt(), viewer.username());
        }
        FollowUp logged = followUps.find(id).orElseThrow(() -> new NotFoundException("follow-up", id));
        audit.record(Change.created("follow_up", id, lead.ownerTeamId(), lead.ownerRepId(), logged));
        events.publishEvent(new FollowUpLogged(id, leadId, viewer.repId(), cmd.kind(), cmd.outcome(), occurredAt));
        return logged;
    }

    static String label(Lead lead) {
        return lead.company() != null ? lead.company() + " · " + lead.contactName() : lead.contactName();
    }
}
