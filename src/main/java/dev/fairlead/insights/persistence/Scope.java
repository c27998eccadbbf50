package dev.fairlead.insights.persistence;

/**
 * The rows a figure counts: the subtree of team {@code root} (-1: every team) and, for a rep, only
 * their own (-1: any rep; 0 matches none, for a rep login without a rep profile).
 */
public record Scope(long root, long rep) {

    public static Scope all() {
        return new Scope(-1, -1);
    }

    public static Scope team(long root) {
        return new Scope(root, -1);
    }

    public static Scope rep(Long repId) {
        return new Scope(-1, repId == null ? 0 : repId);
    }
}
