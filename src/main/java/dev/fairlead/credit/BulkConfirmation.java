package dev.fairlead.credit;

import java.util.List;

/** What a bulk confirmation did: the entries confirmed, and the ones refused with why (in the caller's language). */
public record BulkConfirmation(List<Long> confirmed, List<Refusal> refused) {

    public record Refusal(long id, String reason) {}
}
