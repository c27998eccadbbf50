package dev.fairlead.org;

/** Filters for listing reps; null means "any". {@code teamId} includes the team's sub-teams. */
public record RepQuery(Long teamId, String text, Tier tier, Boolean active) {

    public static RepQuery all() {
        return new RepQuery(null, null, null, null);
    }
}
