package dev.fairlead.shell;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.SearchHit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Global search over leads, customers and deals in the caller's data scope")
class SearchApiController {

    /** The answer: the query as understood, and one group per kind. */
    record Results(String query, List<Group> groups) {}

    /** One kind's matches; {@code label} in the caller's language, {@code moreUrl} where all of them are listed. */
    record Group(String kind, String label, List<SearchHit> hits, boolean more, String moreUrl) {}

    private final GlobalSearch search;
    private final MessageSource messages;

    SearchApiController(GlobalSearch search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    @GetMapping("/api/search")
    @Operation(operationId = "globalSearch", summary = "Leads, customers and deals whose name, company, phone (digits, any separators) or e-mail contains q"
            + " (at least 2 characters), within the caller's data scope, grouped by kind, at most 'limit' per kind (default 5, at most 50)")
    Results search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "" + GlobalSearch.DEFAULT_LIMIT) int limit) {
        if (kind != null && !kind.isBlank() && !search.kinds().contains(kind)) {
            throw InvalidInputException.of("kind", "search.kind.unknown", String.join(", ", search.kinds()));
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<Group> groups = search.search(Viewers.require(), q, kind, limit).stream()
                .map(g -> new Group(g.kind(), messages.getMessage(g.labelKey(), null, locale), g.hits(), g.more(), g.moreUrl()))
                .toList();
        return new Results(q.strip(), groups);
    }
}
