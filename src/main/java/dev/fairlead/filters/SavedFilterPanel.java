package dev.fairlead.filters;

import dev.fairlead.common.Viewer;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a list page's saved-filters panel ({@code fragments/saved-filters :: panel}) needs in its model:
 * the viewer's filters of that list and the query string the page shows.
 */
@Component
public class SavedFilterPanel {

    private final SavedFilterService filters;

    SavedFilterPanel(SavedFilterService filters) {
        this.filters = filters;
    }

    /**
     * @param currentQuery the query string of the page as shown (null: none)
     * @param filterForm id of the page's filter form (whose fields are saved as they are when the page
     *        filters itself with htmx), or null when the page reloads to filter
     */
    public void addTo(Model model, Viewer viewer, FilteredList list, String currentQuery, String filterForm) {
        model.addAttribute("savedFilters", filters.list(viewer, list));
        model.addAttribute("savedFilterList", list);
        model.addAttribute("currentQuery", currentQuery == null ? "" : currentQuery);
        model.addAttribute("savedFilterForm", filterForm);
        if (!model.containsAttribute("savedFilterErrors")) {
            model.addAttribute("savedFilterErrors", Map.of());
        }
    }
}
