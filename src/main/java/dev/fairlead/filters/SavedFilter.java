package dev.fairlead.filters;

import java.time.Instant;

/**
 * A filter a user saved under a name.
 *
 * @param query the list's query string, without the leading {@code ?} (may be empty: the list unfiltered)
 */
public record SavedFilter(long id, FilteredList list, String name, String query, Instant createdAt) {

    /** The list's page with this filter applied. */
    public String url() {
        return query.isEmpty() ? list.path() : list.path() + "?" + query;
    }
}
