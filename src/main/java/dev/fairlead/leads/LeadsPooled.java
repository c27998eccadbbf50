package dev.fairlead.leads;

import java.util.List;

/**
 * Many leads went to pools in one transaction ({@link LeadOwnership#moveAllToPool}, a chunk of an
 * import): one event for the chunk instead of a {@link LeadPooled} each. Every element names its
 * pool (the default pool resolved), as {@link LeadPooled} from {@link LeadOwnership#moveToPool} does.
 */
public record LeadsPooled(List<LeadPooled> pooled) {

    public LeadsPooled {
        pooled = List.copyOf(pooled);
    }
}
