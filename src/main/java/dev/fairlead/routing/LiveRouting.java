package dev.fairlead.routing;

import dev.fairlead.leads.LeadCreated;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Routes every new lead inside the transaction that created it, after scoring (order 0) has
 * written its score and grade, so the lead is committed together with its owner (or pool place),
 * the rep's counters and the explanation, or not at all.
 */
@Component
class LiveRouting {

    private final LeadRouter router;

    LiveRouting(LeadRouter router) {
        this.router = router;
    }

    @EventListener
    @Order(100)
    void on(LeadCreated event) {
        router.route(event.leadId(), AssignmentKind.AUTO, Set.of(), null);
    }
}
