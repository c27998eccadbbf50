package dev.fairlead.pool;

import dev.fairlead.common.Viewers;
import dev.fairlead.leads.LeadAssigned;
import dev.fairlead.leads.LeadPooled;
import dev.fairlead.leads.LeadsAssigned;
import dev.fairlead.leads.LeadsPooled;
import dev.fairlead.pool.persistence.PoolLeadRepository;
import dev.fairlead.pool.persistence.PoolRepository;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes the move history inside the transaction that moved the lead (a synchronous listener), so
 * every change of hands is recorded exactly once, whoever made it. The pool module's own moves say
 * why through {@link #because}; a move made elsewhere is recorded as assigned or pooled.
 */
@Component
class MoveRecorder {

    private static final ThreadLocal<MoveCause> CAUSE = new ThreadLocal<>();

    private final PoolLeadRepository leads;
    private final PoolRepository pools;

    MoveRecorder(PoolLeadRepository leads, PoolRepository pools) {
        this.leads = leads;
        this.pools = pools;
    }

    /** Runs an ownership change whose move is recorded with this cause. */
    static <T> T because(MoveCause cause, Supplier<T> change) {
        MoveCause outer = CAUSE.get();
        CAUSE.set(cause);
        try {
            return change.get();
        } finally {
            if (outer == null) {
                CAUSE.remove();
            } else {
                CAUSE.set(outer);
            }
        }
    }

    @EventListener
    @Order(0)
    void assigned(LeadAssigned e) {
        MoveCause cause = CAUSE.get() == null ? MoveCause.ASSIGNED : CAUSE.get();
        leads.recordMove(e.leadId(), e.at(), cause, e.previousRepId(), e.repId(), e.previousPoolId(), null,
                Viewers.actorName(), e.reason());
    }

    @EventListener
    @Order(0)
    void pooled(LeadPooled e) {
        MoveCause cause = CAUSE.get() == null ? MoveCause.POOLED : CAUSE.get();
        long pool = e.poolId() != null ? e.poolId() : pools.defaultPoolId();
        leads.recordMove(e.leadId(), e.at(), cause, e.previousRepId(), null, null, pool, Viewers.actorName(), e.reason());
    }

    /** A chunk's assignments: the same move rows as {@link #assigned} writes for each, in one statement. */
    @EventListener
    @Order(0)
    void assigned(LeadsAssigned e) {
        MoveCause cause = CAUSE.get() == null ? MoveCause.ASSIGNED : CAUSE.get();
        List<PoolLeadRepository.NewMove> moves = e.assignments().stream()
                .map(a -> new PoolLeadRepository.NewMove(a.leadId(), a.at(), cause, a.previousRepId(), a.repId(), a.previousPoolId(),
                        null, a.reason()))
                .toList();
        leads.recordMoves(moves, Viewers.actorName());
    }

    /** A chunk's moves into pools: the same move rows as {@link #pooled} writes for each, in one statement. */
    @EventListener
    @Order(0)
    void pooled(LeadsPooled e) {
        MoveCause cause = CAUSE.get() == null ? MoveCause.POOLED : CAUSE.get();
        Long fallback = null;
        List<PoolLeadRepository.NewMove> moves = new java.util.ArrayList<>(e.pooled().size());
        for (LeadPooled p : e.pooled()) {
            long pool;
            if (p.poolId() != null) {
                pool = p.poolId();
            } else {
                fallback = fallback != null ? fallback : pools.defaultPoolId();
                pool = fallback;
            }
            moves.add(new PoolLeadRepository.NewMove(p.leadId(), p.at(), cause, p.previousRepId(), null, null, pool, p.reason()));
        }
        leads.recordMoves(moves, Viewers.actorName());
    }
}
