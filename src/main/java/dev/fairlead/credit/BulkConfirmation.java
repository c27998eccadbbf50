package dev.fairlead.credit;

import java.io.Serializable;
import java.util.List;

/** What a bulk confirmation did (serializable: the queue page shows it after a redirect, from the JDBC session): the entries confirmed, and the ones refused with why (in the caller's language). */
public record BulkConfirmation(List<Long> confirmed, List<Refusal> refused) implements Serializable {

    public record Refusal(long id, String reason) implements Serializable {}
}
