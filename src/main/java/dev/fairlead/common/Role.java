package dev.fairlead.common;

/** What a user may do; the data they may see follows from it (see {@link Viewer}). */
public enum Role {
    ADMIN, DIRECTOR, MANAGER, REP, FINANCE;

    public boolean seesEverything() {
        return this == ADMIN || this == DIRECTOR || this == FINANCE;
    }

    /**
     * Sets what holds for the whole company: active assignment rules, SLA and pool policies, scoring
     * models, company settings. Managers propose (drafts, backtests); directors and admins decide.
     */
    public boolean setsCompanyRules() {
        return this == ADMIN || this == DIRECTOR;
    }

    public boolean managesOrganisation() {
        return this == ADMIN || this == DIRECTOR || this == MANAGER;
    }
}
