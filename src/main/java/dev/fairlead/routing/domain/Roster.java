package dev.fairlead.routing.domain;

import java.time.DayOfWeek;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The reps a decision is taken among, with which of them each rule's target covers worked out once
 * and remembered. A backtest keeps one roster for millions of decisions, replacing reps' states
 * through {@link #replace} as their counters change (only counters may change); the live path makes
 * one per lead.
 *
 * <p>A roster kept for many decisions also indexes each target's reps by the provinces and cities
 * they cover, so a rule that requires the lead's territory looks only at the reps that cover it
 * instead of testing every rep of the target, and keeps each rep's working days, active flag,
 * counters and caps in primitive arrays, so most candidates are ruled in or out without touching
 * their state objects. Not thread-safe: one roster serves one thread.
 */
public final class Roster {

    private final List<RepState> reps;
    private final boolean indexed;
    /** By the rule's target object itself: a rule set's rules keep theirs, and an identity look-up beats hashing a record. */
    private final Map<Target, int[]> covered = new IdentityHashMap<>();
    private final Map<Target, TerritoryIndex> territoryIndexes = new IdentityHashMap<>();
    /** The reps as an array, for an indexed roster: read without a cast in the candidate loop. */
    private final RepState[] states;
    private final EligibleView eligibleView = new EligibleView();
    private int[] chosen;
    private int[] found;
    private boolean[] seen;
    /** Per rep: bit {@code DayOfWeek.ordinal()} set for each working day; 0 when inactive. */
    private final int[] workingDays;
    private final boolean[] hasAbsences;
    private final int[] open;
    private final int[] today;
    private final int[] month;
    private final int[] maxOpen;
    private final int[] maxToday;
    private final int[] maxMonth;

    /** {@code reps} ordered by rep id; change a rep's state only through {@link #replace}. */
    public Roster(List<RepState> reps) {
        this(reps, true);
    }

    private Roster(List<RepState> reps, boolean indexed) {
        this.reps = reps;
        this.indexed = indexed;
        int n = reps.size();
        states = indexed ? reps.toArray(new RepState[0]) : null;
        workingDays = indexed ? new int[n] : null;
        hasAbsences = indexed ? new boolean[n] : null;
        open = indexed ? new int[n] : null;
        today = indexed ? new int[n] : null;
        month = indexed ? new int[n] : null;
        maxOpen = indexed ? new int[n] : null;
        maxToday = indexed ? new int[n] : null;
        maxMonth = indexed ? new int[n] : null;
        for (int i = 0; indexed && i < n; i++) {
            RepState rep = reps.get(i);
            workingDays[i] = dayBits(rep);
            hasAbsences[i] = !rep.absences().isEmpty();
            maxOpen[i] = rep.maxOpenLeads();
            maxToday[i] = rep.maxNewPerDay();
            maxMonth[i] = rep.maxNewPerMonth();
            counters(i, rep);
        }
    }

    /** Puts the rep's new state in place (and in the list the roster was made with); only its counters may differ. */
    public void replace(int index, RepState rep) {
        reps.set(index, rep);
        if (indexed) {
            states[index] = rep;
            counters(index, rep);
        }
    }

    /**
     * Puts the rep's new state in place when her availability changed too (the working days and
     * hours a calendar gives her at the moment); her profile, caps and absences stay the same.
     */
    public void reset(int index, RepState rep) {
        replace(index, rep);
        if (indexed) {
            workingDays[index] = dayBits(rep);
        }
    }

    private static int dayBits(RepState rep) {
        int days = 0;
        for (DayOfWeek d : rep.workingDays()) {
            days |= 1 << d.ordinal();
        }
        return rep.active() && rep.offHours() == null ? days : 0;
    }

    private void counters(int i, RepState rep) {
        open[i] = rep.openLeads();
        today[i] = rep.newToday();
        month[i] = rep.newThisMonth();
    }

    /**
     * For an indexed roster: whether the rep is active, works on the day (given as the bit {@code 1 << ordinal})
     * and is under every cap, read from the arrays. The rest of eligibility is
     * {@link EligibilityPolicies#admitsOnceAvailable}.
     */
    boolean available(int index, int dayBit) {
        return (workingDays[index] & dayBit) != 0 && open[index] < maxOpen[index] && today[index] < maxToday[index]
                && month[index] < maxMonth[index];
    }

    boolean hasAbsences(int index) {
        return hasAbsences[index];
    }

    /** A roster for a single decision: indexing its reps would cost more than it saves. */
    static Roster forOneDecision(List<RepState> reps) {
        return new Roster(reps, false);
    }

    RepState get(int index) {
        return indexed ? states[index] : reps.get(index);
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
            return Arrays.copyOf(found, n);
        });
    }

    /** Whether {@link #coveringTerritory} is available. */
    boolean indexed() {
        return indexed;
    }

    /**
     * The target's reps whose territory covers the lead (as {@link Territories#covers} decides), in
     * ascending order like {@link #covered}: their count, the indexes being the first entries of
     * {@link #found()} until the next call.
     */
    int coveringTerritory(Target target, LeadFacts lead) {
        TerritoryIndex index = territoryIndexes.computeIfAbsent(target, t -> new TerritoryIndex(covered(t)));
        if (found == null) {
            found = new int[reps.size()];
            seen = new boolean[reps.size()];
        }
        int n = add(index.everywhere, 0);
        if (lead.cityCode() != null) {
            n = add(index.byCity.get(lead.cityCode()), n);
        }
        if (lead.provinceCode() != null) {
            n = add(index.byProvince.get(lead.provinceCode()), n);
        }
        String postal = lead.postalCode();
        if (postal != null) {
            for (int i : index.byPostalPrefix) {
                if (!seen[i] && matchesPrefix(reps.get(i).territories().postalPrefixes(), postal)) {
                    seen[i] = true;
                    found[n++] = i;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            seen[found[i]] = false;
        }
        Arrays.sort(found, 0, n);
        return n;
    }

    int[] found() {
        return found;
    }

    /**
     * For an indexed roster: an emptied buffer for the indexes of one rule's eligible reps, to be
     * handed to {@link #eligible(int)}. Indexes rather than references: storing a young rep state into
     * a long-lived array costs a garbage-collector barrier each time, which dominated the candidate loop.
     */
    int[] eligibleIndexes() {
        if (chosen == null) {
            chosen = new int[reps.size()];
        }
        return chosen;
    }

    /** The first {@code n} reps of {@link #eligibleIndexes()} as a read-only list; valid until the next rule. */
    List<RepState> eligible(int n) {
        eligibleView.size = n;
        return eligibleView;
    }

    private final class EligibleView extends AbstractList<RepState> implements RandomAccess {
        int size;

        @Override
        public RepState get(int i) {
            Objects.checkIndex(i, size);
            return states[chosen[i]];
        }

        @Override
        public int size() {
            return size;
        }
    }

    private int add(int[] indexes, int n) {
        if (indexes == null) {
            return n;
        }
        for (int i : indexes) {
            if (!seen[i]) {
                seen[i] = true;
                found[n++] = i;
            }
        }
        return n;
    }

    private static boolean matchesPrefix(List<String> prefixes, String postal) {
        for (int p = 0; p < prefixes.size(); p++) {
            if (postal.startsWith(prefixes.get(p))) {
                return true;
            }
        }
        return false;
    }

    /** One target's reps by what their territory names: nothing (everywhere), cities, provinces, postal prefixes. */
    private final class TerritoryIndex {

        final int[] everywhere;
        final Map<String, int[]> byCity = new HashMap<>();
        final Map<String, int[]> byProvince = new HashMap<>();
        final int[] byPostalPrefix;

        TerritoryIndex(int[] coveredReps) {
            List<Integer> unlimited = new ArrayList<>();
            List<Integer> postal = new ArrayList<>();
            Map<String, List<Integer>> cities = new HashMap<>();
            Map<String, List<Integer>> provinces = new HashMap<>();
            for (int i : coveredReps) {
                Territories t = reps.get(i).territories();
                if (t.unlimited()) {
                    unlimited.add(i);
                    continue;
                }
                t.cities().forEach(c -> cities.computeIfAbsent(c, k -> new ArrayList<>()).add(i));
                t.provinces().forEach(p -> provinces.computeIfAbsent(p, k -> new ArrayList<>()).add(i));
                if (!t.postalPrefixes().isEmpty()) {
                    postal.add(i);
                }
            }
            everywhere = ints(unlimited);
            byPostalPrefix = ints(postal);
            cities.forEach((k, v) -> byCity.put(k, ints(v)));
            provinces.forEach((k, v) -> byProvince.put(k, ints(v)));
        }
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
