package dev.fairlead.routing.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reps a decision is taken among, with which of them each rule's target covers worked out once
 * and remembered. A backtest keeps one roster for millions of decisions, replacing reps' states as
 * their counters change (their teams must not change); the live path makes one per lead.
 */
public final class Roster {

    private final List<RepState> reps;
    private final Map<Target, int[]> covered = new HashMap<>();

    /** {@code reps} ordered by rep id; the roster reads the list as it is at each decision. */
    public Roster(List<RepState> reps) {
        this.reps = reps;
    }

    RepState get(int index) {
        return reps.get(index);
    }

    int[] covered(Target target) {
        return covered.computeIfAbsent(target, t -> {
            int[] found = new int[reps.size()];
            int n = 0;
            for (int i = 0; i < reps.size(); i++) {
                if (Target.covers(t, reps.get(i))) {
                    found[n++] = i;
                }
            }
            return java.util.Arrays.copyOf(found, n);
        });
    }
}
