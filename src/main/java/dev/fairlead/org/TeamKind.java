package dev.fairlead.org;

/** Level in the organisation: company → region → team. */
public enum TeamKind {
    COMPANY, REGION, TEAM;

    /** Which kinds may sit directly above this one. */
    public boolean mayHaveParent(TeamKind parent) {
        return switch (this) {
            case COMPANY -> false;
            case REGION -> parent == COMPANY || parent == REGION;
            case TEAM -> true;
        };
    }
}
