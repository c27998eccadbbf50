package dev.fairlead.org.persistence;

import dev.fairlead.common.Viewer;
import java.util.Map;

/** SQL fragments and parameters that limit rows to what a viewer may see. */
final class Scope {

    private Scope() {}

    static final String REPS = "(:all OR r.team_id IN (SELECT team_subtree(:scopeTeam)) OR r.id = :scopeRep)";
    static final String TEAMS = "(:all OR t.id IN (SELECT team_subtree(:scopeTeam)) OR t.id = :repTeam)";

    static Map<String, Object> params(Viewer viewer) {
        return Map.of(
                "all", viewer.seesAll(),
                "scopeTeam", viewer.scopeTeamId(),
                "scopeRep", viewer.scopeRepId(),
                "repTeam", viewer.isRep() && viewer.teamId() != null ? viewer.teamId() : -1L);
    }
}
