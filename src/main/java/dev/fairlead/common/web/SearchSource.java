package dev.fairlead.common.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.SearchTerms;
import dev.fairlead.common.Viewer;
import java.util.List;
import java.util.Set;

/**
 * One kind of record the global search finds (leads, customers, deals), contributed as a bean by the
 * module that owns the records and answers within the viewer's data scope, so the shell's search
 * needs no dependency on those modules.
 */
public interface SearchSource {

    /** Short stable name, e.g. {@code leads}: the group's id in the API and the {@code kind} filter of the search page. */
    String kind();

    /** Message key of the group's heading. */
    String labelKey();

    /** Position of the group on the results page. */
    int order();

    /** Who may search this kind; empty = everyone signed in. */
    default Set<Role> roles() {
        return Set.of();
    }

    /** At most {@code limit} matches the viewer may see, newest first. */
    List<SearchHit> search(Viewer viewer, SearchTerms terms, int limit);

    /** The module's own list filtered by the text, where every match is shown; null when there is none. */
    String listUrl(SearchTerms terms);

    default boolean visibleTo(Role role) {
        return roles().isEmpty() || roles().contains(role);
    }
}
