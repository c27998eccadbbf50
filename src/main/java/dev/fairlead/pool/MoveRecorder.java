package dev.fairlead.pool;

import dev.fairlead.common.Viewers;
import dev.fairlead.leads.LeadAssigned;
import dev.fairlead.leads.LeadPooled;
import dev.fairlead.pool.persistence.PoolLeadRepository;
import dev.fairlead.pool.persistence.PoolRepository;
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
}
