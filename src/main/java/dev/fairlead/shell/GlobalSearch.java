package dev.fairlead.shell;

import dev.fairlead.common.SearchTerms;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.web.SearchHit;
import dev.fairlead.common.web.SearchSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The global search: asks every module's {@link SearchSource} (each within the viewer's scope) and
 * groups the answers by kind, at most {@code limit} per kind, with a link to where the rest are.
 */
@Component
class GlobalSearch {

    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 50;

    /**
     * The matches of one kind.
     *
     * @param kind the source's kind ({@code leads}, {@code customers}, {@code deals})
     * @param labelKey message key of its heading
     * @param hits at most the limit
     * @param more whether there are more matches than shown
     * @param moreUrl where they are: the module's filtered list, or the search page for this kind alone
     */
    public record Group(String kind, String labelKey, List<SearchHit> hits, boolean more, String moreUrl) {}

    private final List<SearchSource> sources;

    GlobalSearch(List<SearchSource> sources) {
        this.sources = sources.stream().sorted(Comparator.comparingInt(SearchSource::order)).toList();
    }

    /** Groups for {@code query} ({@code kind} null = every kind); invalid input when the query is blank or too short. */
    public List<Group> search(Viewer viewer, String query, String kind, int limit) {
        SearchTerms terms = SearchTerms.of(query);
        int n = Math.min(Math.max(limit, 1), MAX_LIMIT);
        return sources.stream()
                .filter(s -> s.visibleTo(viewer.role()))
                .filter(s -> kind == null || kind.isBlank() || s.kind().equals(kind))
                .map(s -> group(s, viewer, terms, n))
                .toList();
    }

    public List<String> kinds() {
        return sources.stream().map(SearchSource::kind).toList();
    }

    private static Group group(SearchSource source, Viewer viewer, SearchTerms terms, int limit) {
        List<SearchHit> found = source.search(viewer, terms, limit + 1);
        boolean more = found.size() > limit;
        String list = source.listUrl(terms);
        String moreUrl = list != null ? list
                : "/search?kind=" + source.kind() + "&q=" + URLEncoder.encode(terms.text(), StandardCharsets.UTF_8);
        return new Group(source.kind(), source.labelKey(), more ? found.subList(0, limit) : found, more, moreUrl);
    }
}
