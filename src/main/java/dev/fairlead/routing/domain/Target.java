package dev.fairlead.routing.domain;

import java.util.List;

/** Who a rule gives its leads to. */
public sealed interface Target {

    /** Every rep in the organisation. */
    record Everyone() implements Target {}

    /** The reps of a team, and of the teams below it when {@code includeSubTeams}. */
    record Team(long teamId, boolean includeSubTeams) implements Target {}

    /** Named reps only. */
    record Reps(List<Long> repIds) implements Target {}

    /** Straight to a public pool (null: the default pool); no rep is picked. */
    record Pool(Long poolId) implements Target {}

    static boolean covers(Target target, RepState rep) {
        if (target instanceof Everyone) {
            return true;
        }
        if (target instanceof Team t) {
            return t.includeSubTeams() ? rep.teamPath().contains(t.teamId()) : rep.teamId() == t.teamId();
        }
        if (target instanceof Reps r) {
            return r.repIds().contains(rep.repId());
        }
        return false;
    }
}
