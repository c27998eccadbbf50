package dev.fairlead.org;

import dev.fairlead.common.Role;
import java.io.Serializable;
import java.time.Instant;

public record User(
        long id, String username, String displayName, String email, Role role, Long teamId, Long repId, String locale,
        boolean enabled, boolean locked, Instant createdAt, int version) implements Serializable {}
