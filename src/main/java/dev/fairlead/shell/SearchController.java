package dev.fairlead.shell;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search box of the navigation bar: the results page, which needs no script ({@link SearchApiController} for the API). */
@Controller
class SearchController {

    private final GlobalSearch search;
    private final FormErrors formErrors;

    SearchController(GlobalSearch search, FormErrors formErrors) {
        this.search = search;
        this.formErrors = formErrors;
    }

    @GetMapping("/search")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String kind, Model model) {
        boolean oneKind = kind != null && search.kinds().contains(kind);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("kind", oneKind ? kind : null);
        try {
            List<GlobalSearch.Group> groups = search.search(Viewers.require(), q, oneKind ? kind : null,
                    oneKind ? GlobalSearch.MAX_LIMIT : GlobalSearch.DEFAULT_LIMIT);
            model.addAttribute("groups", groups);
            model.addAttribute("nothingFound", groups.stream().allMatch(g -> g.hits().isEmpty()));
        } catch (InvalidInputException e) {
            model.addAttribute("groups", List.of());
            model.addAttribute("problem", formErrors.of(e).get("q"));
        }
        return "search";
    }
}
