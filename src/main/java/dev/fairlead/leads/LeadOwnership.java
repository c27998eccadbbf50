package dev.fairlead.leads;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.leads.persistence.LeadRepository;
import dev.fairlead.leads.persistence.RepLoadRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way a lead changes hands. Every change locks the lead row, moves the reps' open-lead
 * counters in the same transaction, is audited, and publishes {@link LeadAssigned} or
 * {@link LeadPooled} through the event publication registry. Caps are enforced by the database
 * ({@link RepLoadRepository#take}), so routing on several nodes can never push a rep past one;
 * a refused take comes back as {@link Outcome.CapReached} and the caller decides again.
 */
@Service
public class LeadOwnership {

    /** What happened to an assignment attempt. */
    public sealed interface Outcome {
        record Assigned(long leadId, long repId) implements Outcome {}

        /** The rep is inactive or at a cap (open leads, new today, new this month) as of now. */
        record CapReached(long leadId, long repId) implements Outcome {}

        /** The lead already belongs to this rep. */
        record AlreadyOwner(long leadId, long repId) implements Outcome {}
    }

    /** A lead of a chunk to hand to a rep, and why (kept in the audit trail and the event). */
    public record Handover(long leadId, long repId, String reason) {}

    /** A lead of a chunk to move into a pool ({@code poolId} null: the default pool), and why. */
    public record PoolMove(long leadId, Long poolId, String reason) {}

    private final LeadRepository leads;
    private final RepLoadRepository loads;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<DefaultPool> defaultPool;
    private final Clock clock;

    LeadOwnership(LeadRepository leads, RepLoadRepository loads, AuditTrail audit, ApplicationEventPublisher events,
            ObjectProvider<DefaultPool> defaultPool, Clock clock) {
        this.leads = leads;
        this.loads = loads;
        this.audit = audit;
        this.events = events;
        this.defaultPool = defaultPool;
        this.clock = clock;
    }

    /**
     * Gives the lead to the rep. With {@code enforceCaps} false (a manager's explicit override) only
     * an inactive rep is refused. {@code reason} is kept in the audit trail and the event.
     */
    @Transactional
    public Outcome assign(long leadId, long repId, String reason, boolean enforceCaps) {
        LeadRepository.Locked current = leads.lock(leadId).orElseThrow(() -> new NotFoundException("lead", leadId));
        if (current.ownerRepId() != null && current.ownerRepId() == repId) {
            return new Outcome.AlreadyOwner(leadId, repId);
        }
        Instant now = clock.instant();
        // Counted and assigned in one statement; when it refused, the rep may only lack a counter row.
        OptionalLong team = leads.takeAndSetOwner(leadId, repId, today(), enforceCaps, now)
                .map(t -> OptionalLong.of(t.teamId())).orElseGet(OptionalLong::empty);
        if (team.isEmpty()) {
            team = loads.takeCreatingRow(repId, today(), enforceCaps);
            if (team.isEmpty()) {
                return new Outcome.CapReached(leadId, repId);
            }
            leads.setOwner(leadId, repId, team.getAsLong(), now);
        }
        if (current.ownerRepId() != null && current.status().isOpen()) {
            loads.release(current.ownerRepId());
        }
        audit.record(new Change(current.ownerRepId() == null ? "ASSIGN" : "REASSIGN", "lead", String.valueOf(leadId),
                team.getAsLong(), repId, ownership(current.ownerRepId(), current.poolId()), ownership(repId, null), reason));
        events.publishEvent(new LeadAssigned(leadId, repId, current.ownerRepId(), current.poolId(), reason, now));
        return new Outcome.Assigned(leadId, repId);
    }

    /**
     * Moves the lead into a pool, releasing its owner's counter. {@code null} means the default pool,
     * whose id is what the lead stores and the event carries (a lead in a pool always names it).
     */
    @Transactional
    public void moveToPool(long leadId, Long requestedPoolId, String reason) {
        LeadRepository.Locked current = leads.lock(leadId).orElseThrow(() -> new NotFoundException("lead", leadId));
        long poolId = requestedPoolId != null ? requestedPoolId : defaultPoolId();
        if (current.ownerRepId() != null && current.status().isOpen()) {
            loads.release(current.ownerRepId());
        }
        Instant now = clock.instant();
        leads.setPool(leadId, poolId);
        audit.record(new Change("POOL", "lead", String.valueOf(leadId), null, current.ownerRepId(),
                ownership(current.ownerRepId(), current.poolId()), ownership(null, poolId), reason));
        events.publishEvent(new LeadPooled(leadId, poolId, current.ownerRepId(), reason, now));
    }

    /**
     * {@link #assign} for a chunk of leads, set-based: the leads' rows are locked in one statement
     * (id order), each rep's counters are taken with one conditional UPDATE for all the leads it
     * receives (reps in id order, caps enforced by the database as {@link #assign} enforces them for
     * one lead), the leads' owners are set and their audit entries inserted with one statement each,
     * and one {@link LeadsAssigned} is published instead of a {@link LeadAssigned} per lead. A rep
     * whose take is refused (inactive, or another transaction took its last places first) receives
     * none of its leads: they are returned unchanged for the caller to decide again. Leads that
     * already belong to their rep are left as they are.
     *
     * @return the handovers refused, in the given order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Handover> assignAll(List<Handover> handovers, boolean enforceCaps) {
        if (handovers.isEmpty()) {
            return List.of();
        }
        Map<Long, LeadRepository.Locked> current = new HashMap<>();
        for (LeadRepository.Locked locked : leads.lockAll(handovers.stream().map(Handover::leadId).toList())) {
            current.put(locked.id(), locked);
        }
        Map<Long, List<Handover>> byRep = new TreeMap<>();
        for (Handover h : handovers) {
            LeadRepository.Locked lead = current.get(h.leadId());
            if (lead == null) {
                throw new NotFoundException("lead", h.leadId());
            }
            if (lead.ownerRepId() == null || lead.ownerRepId() != h.repId()) {
                byRep.computeIfAbsent(h.repId(), k -> new ArrayList<>()).add(h);
            }
        }
        LocalDate today = today();
        Map<Long, Long> teams = new HashMap<>();
        Set<Long> refusedReps = new HashSet<>();
        for (Map.Entry<Long, List<Handover>> rep : byRep.entrySet()) {
            OptionalLong team = loads.takeMany(rep.getKey(), today, rep.getValue().size(), enforceCaps);
            if (team.isPresent()) {
                teams.put(rep.getKey(), team.getAsLong());
            } else {
                refusedReps.add(rep.getKey());
            }
        }
        Instant now = clock.instant();
        List<Handover> refused = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Long> reps = new ArrayList<>();
        List<Long> teamIds = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<LeadAssigned> assigned = new ArrayList<>();
        for (Handover h : handovers) {
            LeadRepository.Locked lead = current.get(h.leadId());
            if (lead.ownerRepId() != null && lead.ownerRepId() == h.repId()) {
                continue;
            }
            if (refusedReps.contains(h.repId())) {
                refused.add(h);
                continue;
            }
            if (lead.ownerRepId() != null && lead.status().isOpen()) {
                loads.release(lead.ownerRepId());
            }
            long team = teams.get(h.repId());
            ids.add(h.leadId());
            reps.add(h.repId());
            teamIds.add(team);
            changes.add(new Change(lead.ownerRepId() == null ? "ASSIGN" : "REASSIGN", "lead", String.valueOf(h.leadId()), team,
                    h.repId(), ownership(lead.ownerRepId(), lead.poolId()), ownership(h.repId(), null), h.reason()));
            assigned.add(new LeadAssigned(h.leadId(), h.repId(), lead.ownerRepId(), lead.poolId(), h.reason(), now));
        }
        leads.setOwners(ids, reps, teamIds, now);
        audit.recordAll(changes);
        if (!assigned.isEmpty()) {
            events.publishEvent(new LeadsAssigned(assigned));
        }
        return refused;
    }

    /**
     * {@link #moveToPool} for a chunk of leads, set-based: rows locked in one statement, pools set and
     * audit entries inserted with one statement each, one {@link LeadsPooled} published.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moveAllToPool(List<PoolMove> moves) {
        if (moves.isEmpty()) {
            return;
        }
        Map<Long, LeadRepository.Locked> current = new HashMap<>();
        for (LeadRepository.Locked locked : leads.lockAll(moves.stream().map(PoolMove::leadId).toList())) {
            current.put(locked.id(), locked);
        }
        Long fallback = null;
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        List<Long> pools = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<LeadPooled> pooled = new ArrayList<>();
        for (PoolMove m : moves) {
            LeadRepository.Locked lead = current.get(m.leadId());
            if (lead == null) {
                throw new NotFoundException("lead", m.leadId());
            }
            long poolId;
            if (m.poolId() != null) {
                poolId = m.poolId();
            } else {
                fallback = fallback != null ? fallback : defaultPoolId();
                poolId = fallback;
            }
            if (lead.ownerRepId() != null && lead.status().isOpen()) {
                loads.release(lead.ownerRepId());
            }
            ids.add(m.leadId());
            pools.add(poolId);
            changes.add(new Change("POOL", "lead", String.valueOf(m.leadId()), null, lead.ownerRepId(),
                    ownership(lead.ownerRepId(), lead.poolId()), ownership(null, poolId), m.reason()));
            pooled.add(new LeadPooled(m.leadId(), poolId, lead.ownerRepId(), m.reason(), now));
        }
        leads.setPools(ids, pools);
        audit.recordAll(changes);
        events.publishEvent(new LeadsPooled(pooled));
    }

    /** Records a status change; a lead that closes (converted or lost) stops counting against its owner. */
    @Transactional
    public void changeStatus(long leadId, LeadStatus status, String reason) {
        LeadRepository.Locked current = leads.lock(leadId).orElseThrow(() -> new NotFoundException("lead", leadId));
        if (current.status() == status) {
            return;
        }
        if (current.ownerRepId() != null && current.status().isOpen() && !status.isOpen()) {
            loads.release(current.ownerRepId());
        }
        leads.setStatus(leadId, status, status.isOpen() ? null : clock.instant());
        audit.record(new Change("STATUS", "lead", String.valueOf(leadId), null, current.ownerRepId(),
                Map.of("status", current.status()), Map.of("status", status), reason));
    }

    /**
     * Locks the lead row for an ownership change in the caller's transaction and returns its owner
     * (empty: nobody). A claim from a pool calls it first, so of two reps claiming the same lead the
     * second sees the first one's owner and backs off instead of reassigning.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OptionalLong lockOwner(long leadId) {
        LeadRepository.Locked current = leads.lock(leadId).orElseThrow(() -> new NotFoundException("lead", leadId));
        return current.ownerRepId() == null ? OptionalLong.empty() : OptionalLong.of(current.ownerRepId());
    }

    /**
     * Adds (negative: removes) workload points of open tasks to the rep's load, in the caller's
     * transaction, so the least-loaded strategy reads the load as of the last committed task change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addWorkload(long repId, int points) {
        if (points != 0) {
            loads.addWorkload(repId, points);
        }
    }

    /** Live counters of these reps for today. */
    @Transactional(readOnly = true)
    public Map<Long, RepLoad> loads(Collection<Long> repIds) {
        return loads.loads(repIds, today());
    }

    private long defaultPoolId() {
        DefaultPool pool = defaultPool.getIfAvailable();
        if (pool == null) {
            throw new IllegalStateException("No default pool: the pool module is not running");
        }
        return pool.defaultPoolId();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Map<String, Object> ownership(Long repId, Long poolId) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        m.put("ownerRepId", repId);
        m.put("poolId", poolId);
        return m;
    }
}
