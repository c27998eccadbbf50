package dev.fairlead.performance;

/** The leaderboards (排行榜): reps ranked by revenue, deals won, improvement or points; teams ranked (团队榜). */
public enum BoardKind {
    REVENUE, DEALS_WON, IMPROVEMENT, POINTS, TEAMS;

    /** Whether the board ranks teams rather than reps. */
    public boolean ranksTeams() {
        return this == TEAMS;
    }

    /** Whether the board has a measure to choose (improvement of and team ranking by revenue or score). */
    public boolean hasMeasure() {
        return this == IMPROVEMENT || this == TEAMS;
    }
}
