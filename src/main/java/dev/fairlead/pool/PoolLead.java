package dev.fairlead.pool;

import dev.fairlead.leads.LeadStatus;
import java.time.Instant;
import java.util.List;

/** A lead waiting in a pool, with how long it has waited, who owned it before and why it left them. */
public record PoolLead(
        long leadId,
        long poolId,
        String company,
        String contactName,
        String industry,
        String provinceCode,
        String cityCode,
        String grade,
        Integer score,
        LeadStatus status,
        Instant inPoolSince,
        long daysInPool,
        List<String> previousOwners,
        String lastReason) {}
