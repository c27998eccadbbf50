package dev.fairlead.pool;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.RepService;
import dev.fairlead.pool.domain.ClaimPolicy;
import dev.fairlead.pool.persistence.PoolLeadRepository;
import dev.fairlead.pool.persistence.PoolRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leads leaving and entering owners through a pool: a rep releases a lead (with a reason), claims
 * one within the pool's limits, or a manager assigns one straight from the pool. Every claim locks
 * the lead row first, so of two reps claiming one lead at once exactly one gets it and the other is
 * told it was taken; ownership itself changes only through {@link LeadOwnership} (audited, with events).
 */
@Service
public class PoolClaims {

    private final PoolRepository pools;
    private final PoolLeadRepository poolLeads;
    private final LeadOwnership ownership;
    private final LeadService leads;
    private final RepService reps;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PoolClaims(PoolRepository pools, PoolLeadRepository poolLeads, LeadOwnership ownership, LeadService leads,
            RepService reps, TransactionTemplate transactions, Clock clock) {
        this.pools = pools;
        this.poolLeads = poolLeads;
        this.ownership = ownership;
        this.leads = leads;
        this.reps = reps;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The signed-in rep claims the lead. Nothing changes when the claim is refused. */
    public ClaimResult claim(Viewer viewer, long leadId) {
        long repId = requireRep(viewer);
        return inTransaction(status -> claim(viewer, repId, leadId, status));
    }

    /** Claims each lead in its own transaction, so one refusal does not undo the others. */
    public List<ClaimResult> claimAll(Viewer viewer, List<Long> leadIds) {
        long repId = requireRep(viewer);
        return leadIds.stream().distinct()
                .map(id -> inTransaction(status -> claim(viewer, repId, id, status)))
                .toList();
    }

    /** A manager gives a pooled lead to a rep in their scope; the rep's caps apply, the pool's claim limits do not. */
    public ClaimResult assignFromPool(Viewer viewer, long leadId, long repId, String reason) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Only managers, directors and administrators assign from a pool");
        }
        reps.get(viewer, repId);
        String why = reason == null || reason.isBlank() ? "Assigned from the pool by " + viewer.username() : reason.trim();
        return inTransaction(status -> {
            OptionalLong owner = ownership.lockOwner(leadId);
            if (owner.isPresent()) {
                return refuse(status, leadId, owner.getAsLong() == repId ? ClaimResult.Reason.NOT_IN_POOL : ClaimResult.Reason.TAKEN);
            }
            long poolId = visiblePool(viewer, leadId).orElse(-1L);
            if (poolId < 0) {
                return refuse(status, leadId, ClaimResult.Reason.NOT_IN_POOL);
            }
            LeadOwnership.Outcome outcome = MoveRecorder.because(MoveCause.POOL_ASSIGNED,
                    () -> ownership.assign(leadId, repId, truncate(why), true));
            if (outcome instanceof LeadOwnership.Outcome.CapReached) {
                return refuse(status, leadId, ClaimResult.Reason.REP_CAP);
            }
            return new ClaimResult.Claimed(leadId, repId);
        });
    }

    /**
     * The owner (or their manager) gives the lead back to the pool of the owner's team, with a reason.
     * Returns the pool it went to. The rep cannot claim it again during the pool's cool-down.
     */
    public long release(Viewer viewer, long leadId, String reason) {
        if (viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Finance does not own leads");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "validation.required");
        }
        if (reason.trim().length() > 400) {
            throw InvalidInputException.of("reason", "pool.reason.tooLong", 400);
        }
        Lead lead = leads.get(viewer, leadId);
        return transactions.execute(status -> {
            OptionalLong owner = ownership.lockOwner(leadId);
            if (owner.isEmpty() || lead.ownerRepId() == null || owner.getAsLong() != lead.ownerRepId()) {
                throw new ConflictException("pool.release.notOwned", "Lead " + leadId + " is no longer owned by "
                        + (lead.ownerName() == null ? "anyone you can release it for" : lead.ownerName()));
            }
            long poolId = pools.poolForTeam(lead.ownerTeamId());
            MoveRecorder.because(MoveCause.RELEASED, () -> {
                ownership.moveToPool(leadId, poolId, truncate("Released: " + reason.trim()));
                return null;
            });
            return poolId;
        });
    }

    private ClaimResult claim(Viewer viewer, long repId, long leadId, TransactionStatus status) {
        OptionalLong owner = ownership.lockOwner(leadId);
        if (owner.isPresent()) {
            return owner.getAsLong() == repId ? new ClaimResult.Claimed(leadId, repId)
                    : refuse(status, leadId, ClaimResult.Reason.TAKEN);
        }
        long poolId = visiblePool(viewer, leadId).orElse(-1L);
        if (poolId < 0) {
            return refuse(status, leadId, ClaimResult.Reason.NOT_IN_POOL);
        }
        Pool pool = pools.find(poolId).orElseThrow();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        int claimsToday = poolLeads.lockClaimsToday(repId, today);
        Optional<ClaimPolicy.Refusal> refusal = ClaimPolicy.check(new ClaimPolicy.Facts(claimsToday, pool.claimsPerDay(),
                poolLeads.ownedLeads(repId, pool.countWonCustomers()), pool.maxOwnedLeads(),
                poolLeads.lastLost(leadId, repId).orElse(null), pool.coolDownDays(), now));
        if (refusal.isPresent()) {
            status.setRollbackOnly();
            return new ClaimResult.Refused(leadId, refusal.get().reason(), refusal.get().args());
        }
        LeadOwnership.Outcome outcome = MoveRecorder.because(MoveCause.CLAIMED,
                () -> ownership.assign(leadId, repId, truncate("Claimed from pool " + pool.name()), true));
        if (outcome instanceof LeadOwnership.Outcome.CapReached) {
            return refuse(status, leadId, ClaimResult.Reason.REP_CAP);
        }
        poolLeads.countClaim(repId, today);
        return new ClaimResult.Claimed(leadId, repId);
    }

    /** The pool the unowned lead waits in, when the viewer can see it; a lead in a pool they cannot see is not found. */
    private OptionalLong visiblePool(Viewer viewer, long leadId) {
        OptionalLong poolId = poolLeads.poolOf(leadId);
        if (poolId.isPresent() && !pools.visible(viewer, poolId.getAsLong())) {
            throw new NotFoundException("lead", leadId);
        }
        return poolId;
    }

    private ClaimResult inTransaction(java.util.function.Function<TransactionStatus, ClaimResult> work) {
        return transactions.execute(work::apply);
    }

    private static ClaimResult refuse(TransactionStatus status, long leadId, ClaimResult.Reason reason) {
        status.setRollbackOnly();
        return new ClaimResult.Refused(leadId, reason, List.of());
    }

    private static long requireRep(Viewer viewer) {
        if (viewer.repId() == null || viewer.role() != Role.REP) {
            throw new ForbiddenException("Only reps claim leads; managers assign them");
        }
        return viewer.repId();
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }
}
