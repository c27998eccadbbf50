package dev.fairlead.leads;

import java.math.BigDecimal;
import java.time.Instant;

/** A lead as history sees it: its fields, who owns it, and how it ended (closedAt null while open). */
public record HistoricalLead(
        long id,
        LeadSource source,
        String company,
        String title,
        String industry,
        CompanySize companySize,
        String provinceCode,
        String cityCode,
        String postalCode,
        String productInterest,
        BigDecimal budget,
        Integer score,
        String grade,
        LeadStatus status,
        Long ownerRepId,
        Instant createdAt,
        Instant closedAt) {}
