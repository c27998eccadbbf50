package dev.fairlead.routing;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.routing.persistence.WaitingRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "waiting for working hours" queue: leads held by {@link OffHours} are routed when the first
 * rep who could take them starts work, in arrival order, by the rules active then, each in a
 * transaction of its own under the queue row's lock, so two nodes never route the same lead and a
 * crash leaves the lead waiting, not lost. Managers see the leads waiting for their teams.
 */
@Service
public class WaitingLeads {

    /** Leads routed per run at most; the next run goes on. */
    static final int BATCH = 500;

    private final WaitingRepository waiting;
    private final LeadRouter router;
    private final LeadService leads;
    private final TeamService teams;
    private final TransactionTemplate transactions;
    private final JobRunner jobs;
    private final Clock clock;

    WaitingLeads(WaitingRepository waiting, @Lazy LeadRouter router, LeadService leads, TeamService teams,
            TransactionTemplate transactions, JobRunner jobs, Clock clock) {
        this.waiting = waiting;
        this.router = router;
        this.leads = leads;
        this.teams = teams;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Puts the lead on the queue (or moves its time) in the caller's transaction. */
    void hold(long leadId, Instant arrivedAt, Instant routeAfter, Collection<Long> teamIds) {
        waiting.hold(leadId, arrivedAt, routeAfter, teamIds, clock.instant());
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.waiting.interval:PT1M}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "routing-waiting", lockAtMostFor = "PT15M")
    void scheduled() {
        jobs.run("routing-waiting", this::routeDue);
    }

    /** Routes every lead whose wait is over; returns how many were routed (assigned, pooled or held again). */
    public int routeDue() {
        int routed = 0;
        List<Long> due;
        do {
            due = waiting.due(clock.instant(), BATCH);
            for (long leadId : due) {
                if (Boolean.TRUE.equals(transactions.execute(status -> routeOne(leadId)))) {
                    routed++;
                }
            }
        } while (due.size() == BATCH);
        return routed;
    }

    private boolean routeOne(long leadId) {
        var row = waiting.take(leadId);
        if (row.isEmpty()) {
            return false;
        }
        Lead lead = leads.getForSystem(leadId);
        if (lead.ownerRepId() != null || lead.poolId() != null || !lead.status().isOpen() || lead.duplicateOf() != null) {
            return false;
        }
        router.route(leadId, AssignmentKind.AUTO, Set.of(), "Held for working hours since " + row.get().heldAt());
        return true;
    }

    /** Leads waiting for the viewer's teams (all, for those who see everything), in arrival order. */
    @Transactional(readOnly = true)
    public List<WaitingLead> list(Viewer viewer, int limit) {
        List<WaitingLead> result = new ArrayList<>();
        for (WaitingRepository.Row row : waiting.list(scope(viewer), Math.max(1, Math.min(limit, 1000)))) {
            Lead lead = leads.getForSystem(row.leadId());
            if (lead.ownerRepId() == null && lead.poolId() == null && lead.status().isOpen()) {
                result.add(new WaitingLead(lead.id(), lead.company(), lead.contactName(), lead.grade(), row.arrivedAt(),
                        row.routeAfter(), row.teamIds()));
            }
        }
        return result;
    }

    /** Whether the lead waits for one of the viewer's teams. */
    @Transactional(readOnly = true)
    public boolean visibleTo(Viewer viewer, long leadId) {
        Collection<Long> teams = scope(viewer);
        return waiting.find(leadId).filter(row -> teams == null || row.teamIds().stream().anyMatch(teams::contains)).isPresent();
    }

    @Transactional(readOnly = true)
    public long count(Viewer viewer) {
        return waiting.count(scope(viewer));
    }

    /** Null = every team; reps see no queue (nothing there is theirs yet). */
    private Collection<Long> scope(Viewer viewer) {
        if (viewer.role().seesEverything()) {
            return null;
        }
        if (!viewer.role().managesOrganisation()) {
            return List.of();
        }
        return teams.list(viewer, false).stream().map(Team::id).toList();
    }
}
