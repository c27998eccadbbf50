package dev.fairlead.work;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.LeadService;
import dev.fairlead.pool.LeadMove;
import dev.fairlead.pool.PoolService;
import dev.fairlead.work.persistence.FollowUpRepository;
import dev.fairlead.work.persistence.SlaRepository;
import dev.fairlead.work.persistence.TaskRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happened to a lead, newest first: follow-ups, changes of owner and pool (each with
 * its reason — for an assignment, the engine's explanation), SLA events and tasks.
 */
@Service
public class LeadTimeline {

    private final LeadService leads;
    private final FollowUpRepository followUps;
    private final PoolService pools;
    private final SlaRepository sla;
    private final TaskRepository tasks;

    LeadTimeline(LeadService leads, FollowUpRepository followUps, PoolService pools, SlaRepository sla, TaskRepository tasks) {
        this.leads = leads;
        this.followUps = followUps;
        this.pools = pools;
        this.sla = sla;
        this.tasks = tasks;
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> of(Viewer viewer, long leadId) {
        leads.get(viewer, leadId);
        List<TimelineEntry> entries = new ArrayList<>();
        for (FollowUp f : followUps.forLead(leadId)) {
            String detail = join(f.notes(), f.nextStep() == null ? null : "→ " + f.nextStep());
            entries.add(new TimelineEntry(f.occurredAt(), "FOLLOW_UP", f.kind().name() + "." + f.outcome().name(),
                    f.repName() != null ? f.repName() : f.author(), detail, f.author()));
        }
        for (LeadMove m : pools.history(leadId)) {
            String from = m.fromRepName() != null ? m.fromRepName() : "—";
            String to = m.toRepName() != null ? m.toRepName() : m.toPoolName() != null ? m.toPoolName() : "—";
            entries.add(new TimelineEntry(m.at(), "MOVE", m.cause().name(), from + " → " + to, m.reason(), m.actor()));
        }
        for (SlaTimer t : sla.forLead(leadId)) {
            if (t.breachedAt() != null) {
                entries.add(new TimelineEntry(t.breachedAt(), "SLA", "BREACHED", t.repName(), null, "system"));
            }
            if (t.reassignedAt() != null) {
                entries.add(new TimelineEntry(t.reassignedAt(), "SLA", "REASSIGNED", t.repName(), null, "system"));
            }
            if (t.metAt() != null) {
                entries.add(new TimelineEntry(t.metAt(), "SLA", "MET", t.repName(), null, t.repName()));
            }
        }
        for (Task t : tasks.linkedTo(Viewer.system(), leadId, null, null)) {
            entries.add(new TimelineEntry(t.createdAt(), "TASK", "CREATED", t.title(), t.ownerName(), t.createdBy()));
            if (t.completedAt() != null) {
                entries.add(new TimelineEntry(t.completedAt(), "TASK", t.status().name(), t.title(), t.ownerName(), t.ownerName()));
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "\n" + b;
    }
}
