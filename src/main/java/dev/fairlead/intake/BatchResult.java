package dev.fairlead.intake;

import java.util.List;

/** The outcome of a batch, item by item, with counts; {@code created + merged + flagged + rejected = total}. */
public record BatchResult(int total, int created, int merged, int flagged, int rejected, List<ItemResult> items) {

    public static BatchResult of(List<ItemResult> items) {
        int[] counts = new int[ItemResult.Outcome.values().length];
        items.forEach(i -> counts[i.outcome().ordinal()]++);
        return new BatchResult(items.size(), counts[0], counts[1], counts[2], counts[3], items);
    }
}
