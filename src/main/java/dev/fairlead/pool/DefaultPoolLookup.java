package dev.fairlead.pool;

import dev.fairlead.leads.DefaultPool;
import dev.fairlead.pool.persistence.PoolRepository;
import org.springframework.stereotype.Component;

/** The pool module's side of {@link DefaultPool}: the one pool marked {@code is_default}. */
@Component
class DefaultPoolLookup implements DefaultPool {

    private final PoolRepository pools;

    DefaultPoolLookup(PoolRepository pools) {
        this.pools = pools;
    }

    @Override
    public long defaultPoolId() {
        return pools.defaultPoolId();
    }
}
