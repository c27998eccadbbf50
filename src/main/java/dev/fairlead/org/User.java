package dev.fairlead.org;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import java.io.Serializable;
import java.time.Instant;

public record User(
        long id, String username, String displayName, String email, Role role, Long teamId, Long repId, String locale,
        boolean enabled, boolean locked, Instant createdAt, int version) implements Serializable {

    /** This user as the viewer their queries and changes run for. */
    public Viewer viewer() {
        return new Viewer(id, username, role, teamId, repId);
    }
}
