package dev.fairlead.filters.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.filters.FilteredList;
import dev.fairlead.filters.SavedFilter;
import dev.fairlead.filters.SavedFilterCommand;
import dev.fairlead.filters.SavedFilterService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Saved filters", description = "The caller's saved list filters")
@RequestMapping("/api/saved-filters")
class SavedFilterApiController {

    private final SavedFilterService filters;

    SavedFilterApiController(SavedFilterService filters) {
        this.filters = filters;
    }

    @GetMapping
    @Operation(operationId = "listSavedFilters", summary = "The caller's saved filters, of one list (LEADS, TASKS, DEALS) or of all")
    List<SavedFilter> list(@RequestParam(required = false) FilteredList list) {
        return filters.list(Viewers.require(), list);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "saveFilter", summary = "Save a list's query string under a name (required, at most 60 characters, unique per user and list)")
    SavedFilter save(@RequestBody SavedFilterCommand cmd) {
        return filters.save(Viewers.require(), cmd);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteSavedFilter", summary = "Delete one of the caller's saved filters")
    void delete(@PathVariable long id) {
        filters.delete(Viewers.require(), id);
    }
}
