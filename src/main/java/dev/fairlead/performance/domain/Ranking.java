package dev.fairlead.performance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Standard competition ranking ("1, 1, 3"): the highest value first, equal values share a rank and
 * the next rank skips as many places as shared it. Entries without a value (nothing to compare, e.g.
 * no previous period to improve on) come last, unranked. Within a tie the order is by {@code order},
 * a key the caller chooses so that it reveals nothing (the board's pseudonym key, not a name or id).
 */
public final class Ranking {

    private Ranking() {}

    /** Something to rank: its key, its value (null: unranked) and the key that orders it within a tie. */
    public record Entry<K>(K key, BigDecimal value, String order) {}

    /** A ranked entry; {@code rank} null when it had no value. */
    public record Ranked<K>(Integer rank, K key, BigDecimal value) {}

    public static <K> List<Ranked<K>> rank(List<Entry<K>> entries) {
        List<Entry<K>> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((Entry<K> e) -> e.value(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Entry::order));
        List<Ranked<K>> ranked = new ArrayList<>(sorted.size());
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Entry<K> e = sorted.get(i);
            if (e.value() == null) {
                ranked.add(new Ranked<>(null, e.key(), null));
                continue;
            }
            if (previous == null || e.value().compareTo(previous) != 0) {
                rank = i + 1;
                previous = e.value();
            }
            ranked.add(new Ranked<>(rank, e.key(), e.value()));
        }
        return ranked;
    }
}
