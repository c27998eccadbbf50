package dev.fairlead.goals;

/** The part of the organisation a goal belongs to: a team at any level (company, region, team) or one rep. */
public record OrgUnit(Kind kind, Long teamId, Long repId, String name) {

    public enum Kind { COMPANY, REGION, TEAM, REP }

    public boolean rep() {
        return kind == Kind.REP;
    }

    /** Stable key of the unit among a goal's children: {@code team:12} or {@code rep:7}. */
    public String key() {
        return rep() ? "rep:" + repId : "team:" + teamId;
    }
}
