package dev.fairlead.org;

import java.time.Instant;

/** A bearer token for the REST API. Only its SHA-256 hash is stored; the token itself is shown once. */
public record ApiToken(
        long id, long userId, String username, String name, String prefix, String createdBy, Instant createdAt,
        Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
