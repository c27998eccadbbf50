package dev.fairlead.leads;

/**
 * Port for the pool module: which pool is "the default pool" (the pool module's {@code is_default}
 * row). {@link LeadOwnership#moveToPool} asks it when a caller moves a lead to the default pool
 * without naming it, so the lead always stores the id of the pool it is in.
 */
public interface DefaultPool {

    long defaultPoolId();
}
