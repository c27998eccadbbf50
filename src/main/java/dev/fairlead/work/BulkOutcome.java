package dev.fairlead.work;

import java.util.List;

/**
 * What a bulk action did: how many records it changed, and each one it left alone with why — never
 * all or nothing, never silent.
 *
 * @param done ids changed
 * @param skipped ids left alone, each with a reason code ({@code bulk.skipped.*}) and its text in the caller's language
 */
public record BulkOutcome(List<Long> done, List<Skipped> skipped) {

    public record Skipped(long id, String code, String reason) {}
}
