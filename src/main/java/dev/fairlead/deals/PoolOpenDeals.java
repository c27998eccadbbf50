package dev.fairlead.deals;

import dev.fairlead.pool.OpenDealCheck;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Tells pool recovery which leads have an open deal, so it leaves them with their owner. */
@Component
class PoolOpenDeals implements OpenDealCheck {

    private final DealService deals;

    PoolOpenDeals(DealService deals) {
        this.deals = deals;
    }

    @Override
    public Set<Long> leadsWithOpenDeal(Collection<Long> leadIds) {
        return deals.leadsWithOpenDeals(leadIds);
    }
}
