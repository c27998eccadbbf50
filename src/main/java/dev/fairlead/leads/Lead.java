package dev.fairlead.leads;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A lead as everyone reads it. Exactly one of these holds once routing is done: it has an owner
 * ({@code ownerRepId}), or it sits in a pool ({@code poolId}).
 */
public record Lead(
        long id,
        LeadSource source,
        String company,
        String contactName,
        String title,
        String phone,
        String email,
        String industry,
        CompanySize companySize,
        String provinceCode,
        String cityCode,
        String postalCode,
        String productInterest,
        BigDecimal budget,
        LeadStatus status,
        Long ownerRepId,
        String ownerName,
        Long ownerTeamId,
        Long poolId,
        Integer score,
        String grade,
        boolean locked,
        Long duplicateOf,
        Instant createdAt,
        Instant assignedAt,
        Instant firstContactAt,
        Instant lastFollowUpAt,
        List<Behaviour> behaviours,
        int version) {

    public boolean owned() {
        return ownerRepId != null;
    }
}
