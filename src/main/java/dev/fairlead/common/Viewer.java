package dev.fairlead.common;

/**
 * The person a query runs for, and so the rows it may return: a rep their own records, a manager
 * their team and every team below it, a director (and admin, finance) everything.
 *
 * @param teamId the manager's team (or the rep's team); null for roles that see everything
 * @param repId the rep profile linked to this user, if any
 */
public record Viewer(long userId, String username, Role role, Long teamId, Long repId) {

    public boolean seesAll() {
        return role.seesEverything();
    }

    public boolean isRep() {
        return role == Role.REP;
    }

    /** Team the viewer's scope is rooted at; -1 matches nothing. */
    public long scopeTeamId() {
        return role == Role.MANAGER && teamId != null ? teamId : -1L;
    }

    /** Rep the viewer's scope is limited to; -1 matches nothing. */
    public long scopeRepId() {
        return role == Role.REP && repId != null ? repId : -1L;
    }

    public static Viewer system() {
        return new Viewer(0, "system", Role.ADMIN, null, null);
    }
}
