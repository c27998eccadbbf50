package dev.fairlead.work;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadAssigned;
import dev.fairlead.leads.LeadPooled;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadsAssigned;
import dev.fairlead.leads.LeadsPooled;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.org.RepSchedule;
import dev.fairlead.org.RepService;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.routing.RoutingService;
import dev.fairlead.work.domain.WorkingHours;
import dev.fairlead.org.TeamHours;
import dev.fairlead.org.WorkingCalendarService;
import dev.fairlead.org.WorkingTime;
import dev.fairlead.work.persistence.SlaRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First-contact SLA. Every assignment starts a timer (from {@link LeadAssigned}, after its commit);
 * the owner's first follow-up meets it; the SLA job reminds the owner before the deadline and, on
 * breach, escalates to the managers and — where the policy says so — takes the lead back to its
 * pool with the breach as the reason (the routing module can then place it anew).
 */
@Service
public class SlaService {

    private final SlaRepository timers;
    private final LeadService leads;
    private final RepService reps;
    private final RoutingService routing;
    private final LeadOwnership ownership;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final JobRunner jobs;
    private final Validator validator;
    private final Clock clock;
    private final WorkingHours workingHours;
    private final WorkingCalendarService calendars;
    private final ApplicationEventPublisher events;

    SlaService(SlaRepository timers, LeadService leads, RepService reps, RoutingService routing, LeadOwnership ownership, Notifications notifications,
            AuditTrail audit, TransactionTemplate transactions, JobRunner jobs, Validator validator, Clock clock,
            @Value("${fairlead.work.working-hours.open:09:00}") LocalTime open,
            @Value("${fairlead.work.working-hours.close:18:00}") LocalTime close, WorkingCalendarService calendars,
            ApplicationEventPublisher events) {
        this.calendars = calendars;
        this.events = events;
        this.timers = timers;
        this.leads = leads;
        this.reps = reps;
        this.routing = routing;
        this.ownership = ownership;
        this.notifications = notifications;
        this.audit = audit;
        this.transactions = transactions;
        this.jobs = jobs;
        this.validator = validator;
        this.clock = clock;
        this.workingHours = new WorkingHours(open, close, clock.getZone());
    }

    @ApplicationModuleListener
    void on(LeadAssigned e) {
        Lead lead = leads.lockForSystem(e.leadId());
        timers.cancelRunning(e.leadId(), e.at());
        SlaPolicy policy = timers.policyFor(lead.grade());
        timer(e, lead, policy, reps::schedule).ifPresent(t -> timers.start(t.leadId(), t.repId(), t.teamId(),
                t.assignedAt(), t.dueAt(), t.remindAt(), t.autoReassign(), t.status(), t.metAt()));
    }

    /**
     * A chunk's assignments, in one transaction with the same outcome as a {@link LeadAssigned} each:
     * the leads locked in one statement, running timers cancelled in one, the leads, policies and
     * reps read once, the new timers inserted in one statement.
     */
    @ApplicationModuleListener
    void on(LeadsAssigned e) {
        List<LeadAssigned> all = e.assignments();
        List<Long> ids = all.stream().map(LeadAssigned::leadId).toList();
        timers.lockLeads(ids);
        timers.cancelRunningAll(ids, all.stream().map(LeadAssigned::at).toList());
        Map<Long, Lead> byId = new HashMap<>();
        leads.getAllForSystem(ids).forEach(l -> byId.put(l.id(), l));
        List<SlaPolicy> policies = timers.policies();
        Map<Long, RepSchedule> repsById = new HashMap<>();
        List<SlaRepository.NewTimer> started = new ArrayList<>();
        for (LeadAssigned a : all) {
            Lead lead = byId.get(a.leadId());
            if (lead == null) {
                continue;
            }
            timer(a, lead, policyFor(policies, lead.grade()), id -> repsById.computeIfAbsent(id, reps::schedule))
                    .ifPresent(started::add);
        }
        timers.startAll(started);
    }

    /** The policy for this grade, else the default one, as {@link SlaRepository#policyFor} picks it. */
    private static SlaPolicy policyFor(List<SlaPolicy> policies, String grade) {
        SlaPolicy fallback = null;
        for (SlaPolicy p : policies) {
            if (p.grade() == null) {
                fallback = p;
            } else if (p.grade().equals(grade)) {
                return p;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("No default SLA policy");
        }
        return fallback;
    }

    /**
     * A deadline in working time: by the rep's team calendar when it has hours (its hours, zone and
     * public holidays), otherwise by the company-wide window ({@code fairlead.work.working-hours}).
     */
    private Instant dueInWorkingTime(Instant at, long minutes, RepSchedule rep) {
        if (rep.workingDays().isEmpty()) {
            return at.plus(Duration.ofMinutes(minutes));
        }
        WorkingTime time = calendars.workingTime();
        TeamHours hours = time.hoursOf(rep.teamId());
        if (hours.allDay()) {
            return workingHours.plus(at, minutes, rep.workingDays());
        }
        return new WorkingHours(hours.startsAt(), hours.endsAt(), hours.zone())
                .plus(at, minutes, day -> time.worksOn(rep.teamId(), rep.workingDays(), day));
    }

    /** The timer an assignment starts, or none when the lead has already moved on from it. */
    private java.util.Optional<SlaRepository.NewTimer> timer(LeadAssigned e, Lead lead, SlaPolicy policy,
            java.util.function.LongFunction<RepSchedule> repOf) {
        // Events arrive after commit on other threads, not necessarily in order: an assignment the
        // lead has already moved on from starts no timer.
        if (!lead.status().isOpen() || lead.ownerTeamId() == null || lead.ownerRepId() == null
                || lead.ownerRepId() != e.repId()) {
            return java.util.Optional.empty();
        }
        RepSchedule rep = repOf.apply(e.repId());
        Instant due = policy.workingHours() ? dueInWorkingTime(e.at(), policy.firstContactMinutes(), rep)
                : e.at().plus(Duration.ofMinutes(policy.firstContactMinutes()));
        Instant remind = due.minus(Duration.ofMinutes(policy.remindBeforeMinutes()));
        boolean alreadyContacted = lead.lastFollowUpAt() != null && !lead.lastFollowUpAt().isBefore(e.at());
        return java.util.Optional.of(new SlaRepository.NewTimer(e.leadId(), e.repId(), rep.teamId(), e.at(), due,
                remind.isBefore(e.at()) ? e.at() : remind, policy.autoReassign(), alreadyContacted ? SlaStatus.MET : SlaStatus.RUNNING,
                alreadyContacted ? lead.lastFollowUpAt() : null));
    }

    @ApplicationModuleListener
    void on(LeadPooled e) {
        timers.lockLead(e.leadId());
        timers.cancelRunning(e.leadId(), e.at().plusNanos(1000));
    }

    /** A chunk's moves into pools: their running timers cancelled in one statement. */
    @ApplicationModuleListener
    void on(LeadsPooled e) {
        List<Long> ids = e.pooled().stream().map(LeadPooled::leadId).toList();
        timers.lockLeads(ids);
        timers.cancelRunningAll(ids, e.pooled().stream().map(p -> p.at().plusNanos(1000)).toList());
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.sla.interval:PT5M}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "work-sla", lockAtMostFor = "PT15M", lockAtLeastFor = "PT30S")
    void scheduled() {
        jobs.run("work-sla", this::check);
    }

    /** Reminds owners whose deadline is near and escalates breaches; returns how many timers it acted on. */
    public int check() {
        int acted = 0;
        for (SlaTimer timer : timers.toRemind(clock.instant())) {
            if (Boolean.TRUE.equals(transactions.execute(s -> remind(timer)))) {
                acted++;
            }
        }
        for (SlaTimer timer : timers.overdue(clock.instant())) {
            if (Boolean.TRUE.equals(transactions.execute(s -> breach(timer)))) {
                acted++;
            }
        }
        return acted;
    }

    @Transactional(readOnly = true)
    public List<SlaTimer> forLead(Viewer viewer, long leadId) {
        leads.get(viewer, leadId);
        return timers.forLead(leadId);
    }

    /** Timers in the viewer's scope: running and breached ones, and those of the last 7 days. */
    @Transactional(readOnly = true)
    public List<SlaTimer> team(Viewer viewer, SlaStatus status) {
        return timers.team(viewer, status, clock.instant().minus(Duration.ofDays(7)));
    }

    /**
     * First-contact breaches in the viewer's scope per day of the application's zone, for the {@code days} days
     * up to today, oldest first, days without a breach included (as 0).
     */
    @Transactional(readOnly = true)
    public List<DailyBreaches> breachesPerDay(Viewer viewer, int days) {
        java.time.ZoneId zone = clock.getZone();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        java.time.LocalDate first = today.minusDays(days - 1L);
        Map<java.time.LocalDate, Integer> counted = timers.breachesPerDay(viewer, first.atStartOfDay(zone).toInstant(), zone);
        return first.datesUntil(today.plusDays(1)).map(d -> new DailyBreaches(d, counted.getOrDefault(d, 0))).toList();
    }

    /** How many first-contact clocks ran out on one day. */
    public record DailyBreaches(java.time.LocalDate day, int breaches) {}

    @Transactional(readOnly = true)
    public List<SlaPolicy> policies() {
        return timers.policies();
    }

    /** Replaces the policies (one without a grade is required: the default). Directors and admins. */
    @Transactional
    public List<SlaPolicy> savePolicies(Viewer viewer, List<SlaPolicy> policies) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only directors and administrators set SLA policies");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> grades = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i) == null) {
                problems.add(FieldProblem.of("[" + i + "]", "validation.required"));
                continue;
            }
            for (FieldProblem p : Validation.check(validator, policies.get(i))) {
                problems.add(FieldProblem.resolved("[" + i + "]." + p.field(), p.message()));
            }
            if (!grades.add(policies.get(i).grade() == null ? "*" : policies.get(i).grade())) {
                problems.add(FieldProblem.of("[" + i + "].grade", "work.sla.duplicateGrade"));
            }
        }
        if (!grades.contains("*")) {
            problems.add(FieldProblem.of("grade", "work.sla.defaultRequired"));
        }
        Validation.throwIfAny(problems);
        List<SlaPolicy> before = timers.policies();
        timers.replacePolicies(policies);
        List<SlaPolicy> after = timers.policies();
        audit.record(new Change("UPDATE", "sla_policy", "all", null, null, Map.of("policies", before), Map.of("policies", after), null));
        return after;
    }

    private boolean remind(SlaTimer timer) {
        if (!timers.markReminded(timer.id(), clock.instant())) {
            return false;
        }
        notifications.toRep(timer.repId(), Notice.of("work.sla.reminder", "/work/leads/" + timer.leadId(),
                timer.leadLabel(), timer.dueAt()));
        events.publishEvent(new SlaWarned(timer.leadId(), timer.leadLabel(), timer.repId(), timer.repName(), timer.teamId(), timer.dueAt()));
        return true;
    }

    private boolean breach(SlaTimer timer) {
        Instant now = clock.instant();
        if (!timers.markBreached(timer.id(), now)) {
            return false;
        }
        long hours = Duration.between(timer.assignedAt(), timer.dueAt()).toHours();
        audit.record(new Change("SLA_BREACH", "lead", String.valueOf(timer.leadId()), timer.teamId(), timer.repId(),
                Map.of("sla", "RUNNING", "dueAt", timer.dueAt().toString()), Map.of("sla", "BREACHED"),
                "No first contact by " + timer.dueAt()));
        notifications.toRep(timer.repId(), Notice.of("work.sla.breached.owner", "/work/leads/" + timer.leadId(),
                timer.leadLabel(), timer.dueAt()));
        notifications.toManagersOf(timer.teamId(), Notice.of("work.sla.breached.manager", "/work/leads/" + timer.leadId(),
                timer.leadLabel(), timer.repName(), timer.dueAt()));
        events.publishEvent(new SlaBreached(timer.leadId(), timer.leadLabel(), timer.repId(), timer.repName(), timer.teamId(), timer.dueAt()));
        if (timer.autoReassign()) {
            String reason = "SLA breach: no first contact within " + hours + " h of assignment to " + timer.repName();
            java.util.OptionalLong owner = ownership.lockOwner(timer.leadId());
            if (owner.isPresent() && owner.getAsLong() == timer.repId()) {
                java.util.OptionalLong next = routing.rerouteAfterSlaBreach(timer.leadId(), timer.repId(), reason);
                timers.markReassigned(timer.id(), now);
                notifications.toManagersOf(timer.teamId(), next.isPresent()
                        ? Notice.of("work.sla.rerouted", "/work/leads/" + timer.leadId(), timer.leadLabel(), timer.repName())
                        : Notice.of("work.sla.reassigned", "/pool", timer.leadLabel(), timer.repName()));
            }
        }
        return true;
    }
}
