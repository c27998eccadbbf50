package dev.fairlead.leads;

import java.util.List;

/**
 * Many leads got owners in one transaction ({@link LeadOwnership#assignAll}, a chunk of an import):
 * one event for the chunk instead of a {@link LeadAssigned} each, so listeners record and react to
 * the chunk set-based. Each element says what the {@link LeadAssigned} of that lead would have said.
 */
public record LeadsAssigned(List<LeadAssigned> assignments) {

    public LeadsAssigned {
        assignments = List.copyOf(assignments);
    }
}
