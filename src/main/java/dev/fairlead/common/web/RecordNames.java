package dev.fairlead.common.web;

import java.util.Optional;

/**
 * The name a person knows a record by, for pages that hold only its id (an audit entry's
 * {@code ownerRepId}, a routing reason's rep): implemented by the module that owns the record, so
 * a page can write 李娜 instead of 17 without depending on that module.
 */
public interface RecordNames {

    /** Which records this source names: "rep", "team", "user". */
    String kind();

    Optional<String> name(long id);
}
