package dev.fairlead.leads.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.filters.FilteredList;
import dev.fairlead.filters.SavedFilterPanel;
import jakarta.servlet.http.HttpServletRequest;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadPagePanel;
import dev.fairlead.leads.LeadQuery;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.DataQualityService;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.org.ChinaDivisions;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.Territory;
import dev.fairlead.org.TerritoryKind;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class LeadPageController {

    private final LeadService leads;
    private final DataQualityService dataQuality;
    private final TeamService teams;
    private final RepService reps;
    private final ChinaDivisions divisions;
    private final FormErrors formErrors;
    private final List<LeadPagePanel> panels;
    private final SavedFilterPanel savedFilters;

    LeadPageController(LeadService leads, DataQualityService dataQuality, TeamService teams, RepService reps, ChinaDivisions divisions,
            FormErrors formErrors, ObjectProvider<LeadPagePanel> panels, SavedFilterPanel savedFilters) {
        this.leads = leads;
        this.dataQuality = dataQuality;
        this.teams = teams;
        this.reps = reps;
        this.divisions = divisions;
        this.formErrors = formErrors;
        this.panels = panels.stream().sorted(Comparator.comparingInt(LeadPagePanel::order)).toList();
        this.savedFilters = savedFilters;
    }

    @GetMapping("/leads")
    String list(@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) Long ownerRepId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean pooled, @RequestParam(required = false) Boolean duplicates,
            @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletRequest request, Model model) {
        Viewer viewer = Viewers.require();
        LeadQuery filter = new LeadQuery(status, ownerRepId, teamId, q, pooled, duplicates, page, 50);
        model.addAttribute("leads", leads.list(viewer, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("teams", teams.list(viewer, false));
        if (htmx != null) {
            return "leads/list :: rows";
        }
        model.addAttribute("reps", reps.list(viewer, new RepQuery(null, null, null, true)));
        savedFilters.addTo(model, viewer, FilteredList.LEADS, request.getQueryString(), "lead-filter");
        model.addAttribute("bulkQuery", request.getQueryString() == null ? "" : request.getQueryString());
        return "leads/list";
    }

    @GetMapping("/leads/{id}")
    String detail(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        Lead lead = leads.get(viewer, id);
        model.addAttribute("lead", lead);
        model.addAttribute("province", lead.provinceCode() == null ? null
                : divisions.describe(new Territory(TerritoryKind.PROVINCE, lead.provinceCode())));
        model.addAttribute("city", lead.cityCode() == null ? null
                : divisions.describe(new Territory(TerritoryKind.CITY, lead.cityCode())));
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("merges", leads.merges(viewer, id));
        model.addAttribute("mergedInto", lead.duplicateOf() == null ? null : leads.mergedInto(viewer, id).orElse(null));
        model.addAttribute("history", leads.history(viewer, id));
        model.addAttribute("panels", panels);
        model.addAttribute("tabPanels", panels.stream().filter(p -> !p.side()).toList());
        model.addAttribute("setAside", dataQuality.forLead(viewer, id));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "leads/detail";
    }

    @PostMapping("/leads/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            leads.changeStatus(Viewers.require(), id, status, reason);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/merge")
    String mergeFlagged(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            Lead merged = leads.mergeFlagged(Viewers.require(), id, reason);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/leads/" + merged.id();
        } catch (dev.fairlead.common.ConflictException e) {
            redirect.addFlashAttribute("mergeRefused", true);
            return "redirect:/leads/" + id;
        }
    }

    @PostMapping("/leads/{id}/keep-separate")
    String keepSeparate(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        leads.keepAsSeparate(Viewers.require(), id, reason);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/leads/" + id;
    }
}
