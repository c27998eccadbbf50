package dev.fairlead.common;

/** What a user may do; the data they may see follows from it (see {@link Viewer}). */
public enum Role {
    ADMIN, DIRECTOR, MANAGER, REP, FINANCE;

    public boolean seesEverything() {
        return this == ADMIN || this == DIRECTOR || this == FINANCE;
    }

    public boolean managesOrganisation() {
        return this == ADMIN || this == DIRECTOR || this == MANAGER;
    }
}
