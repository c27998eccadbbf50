package dev.fairlead.leads;

import java.time.Instant;

/** A customer (account, 客户): a company or person we sell to, usually born from a converted lead. */
public record Customer(
        long id,
        String name,
        String contactName,
        String phone,
        String email,
        Long leadId,
        Long ownerRepId,
        String ownerName,
        Long ownerTeamId,
        Instant createdAt,
        int version) {}
