package dev.fairlead.intake;

import java.util.List;

/**
 * The outcome of a batch, item by item, with counts; {@code created + merged + flagged + rejected = total}.
 * {@code setAside} counts the stored items that had an optional field set aside for data-quality review.
 */
public record BatchResult(int total, int created, int merged, int flagged, int rejected, int setAside, List<ItemResult> items) {

    public static BatchResult of(List<ItemResult> items) {
        int[] counts = new int[ItemResult.Outcome.values().length];
        items.forEach(i -> counts[i.outcome().ordinal()]++);
        int setAside = (int) items.stream().filter(i -> i.setAside() != null && !i.setAside().isEmpty()).count();
        return new BatchResult(items.size(), counts[0], counts[1], counts[2], counts[3], setAside, items);
    }
}
