package dev.fairlead.filters.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.filters.FilteredList;
import dev.fairlead.filters.SavedFilterCommand;
import dev.fairlead.filters.SavedFilterService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Saving and deleting filters from a list page. With htmx the save form sends the list's filter
 * fields as they are now (the page may have been filtered since it loaded) and gets the refreshed
 * panel back; without script it sends the query string the page was rendered with and is redirected.
 */
@Controller
class SavedFilterPageController {

    /** Form fields that are not part of the list's filter. */
    private static final Set<String> NOT_FILTER = Set.of("list", "name", "query", "_csrf", "page");

    private final SavedFilterService filters;
    private final FormErrors formErrors;

    SavedFilterPageController(SavedFilterService filters, FormErrors formErrors) {
        this.filters = filters;
        this.formErrors = formErrors;
    }

    @PostMapping("/saved-filters")
    String save(@RequestParam FilteredList list, @RequestParam(required = false) String name,
            @RequestParam(required = false) String query, @RequestParam(required = false) String form,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        Viewer viewer = Viewers.require();
        String filter = query != null ? query : fromFields(request);
        Map<String, String> errors = Map.of();
        try {
            filters.save(viewer, new SavedFilterCommand(list, name, filter));
        } catch (InvalidInputException e) {
            errors = formErrors.of(e);
        }
        if (htmx != null) {
            return panel(viewer, list, filter, form, errors, model);
        }
        redirect.addFlashAttribute("savedFilterErrors", errors);
        return "redirect:" + list.path() + (filter == null || filter.isEmpty() ? "" : "?" + filter);
    }

    @PostMapping("/saved-filters/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String query, @RequestParam(required = false) String form,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Viewer viewer = Viewers.require();
        FilteredList list = filters.delete(viewer, id).list();
        String current = query == null ? "" : query;
        if (htmx != null) {
            return panel(viewer, list, current, form, Map.of(), model);
        }
        return "redirect:" + list.path() + (current.isEmpty() ? "" : "?" + current);
    }

    private String panel(Viewer viewer, FilteredList list, String query, String form, Map<String, String> errors, Model model) {
        model.addAttribute("savedFilters", filters.list(viewer, list));
        model.addAttribute("savedFilterList", list);
        model.addAttribute("currentQuery", query == null ? "" : query);
        model.addAttribute("savedFilterForm", form != null && form.matches("[A-Za-z][\\w-]*") ? form : null);
        model.addAttribute("savedFilterErrors", errors);
        return "fragments/saved-filters :: panel";
    }

    /** The query string of the filter fields sent along (blank ones left out). */
    private static String fromFields(HttpServletRequest request) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        request.getParameterMap().forEach((field, values) -> {
            if (!NOT_FILTER.contains(field) && !"form".equals(field)) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        query.queryParam(field, value.strip());
                    }
                }
            }
        });
        String built = query.encode().build().getQuery();
        return built == null ? "" : built;
    }
}
