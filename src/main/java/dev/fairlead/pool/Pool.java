package dev.fairlead.pool;

import java.util.List;

/**
 * A public pool: who may see and claim from it (member teams with their sub-teams; none means
 * everyone), the claim limits, and the recovery rules per grade.
 *
 * @param maxOwnedLeads a rep who owns this many leads cannot claim more (null: no limit)
 * @param countWonCustomers whether converted leads the rep still owns count towards {@code maxOwnedLeads}
 * @param coolDownDays days during which a rep cannot re-claim a lead they released or lost to recovery
 */
public record Pool(
        long id,
        String name,
        String description,
        boolean isDefault,
        int claimsPerDay,
        Integer maxOwnedLeads,
        boolean countWonCustomers,
        int coolDownDays,
        boolean active,
        List<Long> teamIds,
        List<String> teamNames,
        List<RecoveryRule> rules,
        long leadCount,
        int version) {}
