package dev.fairlead.routing;

import dev.fairlead.leads.LeadsCreated;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Routes a chunk of new leads (an import) inside the transaction that created them, after scoring
 * has scored the chunk (order 0), set-based through {@link ChunkRouter}: the chunk is committed
 * with its owners or pool places, the reps' counters and the explanations, or not at all.
 */
@Component
class ChunkRouting {

    private final ChunkRouter router;

    ChunkRouting(ChunkRouter router) {
        this.router = router;
    }

    @EventListener
    @Order(100)
    void on(LeadsCreated event) {
        router.route(event.leadIds(), AssignmentKind.AUTO, null);
    }
}
