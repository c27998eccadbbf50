package dev.fairlead.org.web;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.AbsenceCommand;
import dev.fairlead.org.ChinaDivisions;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.TerritoryKind;
import dev.fairlead.org.Tier;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RepPageController {

    private final RepService reps;
    private final TeamService teams;
    private final ChinaDivisions divisions;
    private final AuditTrail audit;
    private final FormErrors formErrors;
    private final Clock clock;

    RepPageController(RepService reps, TeamService teams, ChinaDivisions divisions, AuditTrail audit,
            FormErrors formErrors, Clock clock) {
        this.reps = reps;
        this.teams = teams;
        this.divisions = divisions;
        this.audit = audit;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/reps")
    String list(@RequestParam(required = false) Long teamId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Tier tier, @RequestParam(required = false) Boolean active,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("reps", reps.list(viewer, new RepQuery(teamId, q, tier, active)));
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("filter", new RepQuery(teamId, q, tier, active));
        model.addAttribute("today", LocalDate.now(clock));
        return htmx != null ? "reps/list :: rows" : "reps/list";
    }

    @GetMapping("/reps/{id}")
    String detail(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        Rep rep = reps.get(viewer, id);
        model.addAttribute("rep", rep);
        model.addAttribute("territoryNames", rep.territories().stream().map(divisions::describe).toList());
        model.addAttribute("history", audit.search(viewer, AuditFilter.forEntity("rep", id)).items());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "reps/detail";
    }

    @GetMapping("/reps/new")
    String newForm(@RequestParam(required = false) Long teamId, Model model) {
        RepForm form = new RepForm();
        form.setTeamId(teamId);
        return form(model, form, null, Map.of());
    }

    @GetMapping("/reps/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, RepForm.of(reps.get(Viewers.require(), id)), id, Map.of());
    }

    @PostMapping("/reps")
    String create(@ModelAttribute("form") RepForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return save(form, binding, null, model, redirect);
    }

    @PostMapping("/reps/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") RepForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return save(form, binding, id, model, redirect);
    }

    @PostMapping("/reps/{id}/absences")
    String addAbsence(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            reps.addAbsence(Viewers.require(), id, new AbsenceCommand(startsOn, endsOn, reason));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/reps/" + id;
    }

    @PostMapping("/reps/{id}/absences/{absenceId}/remove")
    String removeAbsence(@PathVariable long id, @PathVariable long absenceId, RedirectAttributes redirect) {
        reps.removeAbsence(Viewers.require(), id, absenceId);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reps/" + id;
    }

    private String save(RepForm form, BindingResult binding, Long id, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, form, id, formErrors.of(binding));
        }
        Viewer viewer = Viewers.require();
        Rep saved;
        try {
            saved = id == null ? reps.create(viewer, form.command()) : reps.update(viewer, id, form.command());
        } catch (InvalidInputException e) {
            return form(model, form, id, formErrors.of(e));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reps/" + saved.id();
    }

    private String form(Model model, RepForm form, Long id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("repId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", teams.list(Viewers.require(), false));
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("territoryKinds", TerritoryKind.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("divisionOptions", divisionOptions());
        return "reps/form";
    }

    /** Suggestions for the territory code field: every province and city with its name. */
    private List<String[]> divisionOptions() {
        List<String[]> options = new ArrayList<>();
        for (ChinaDivisions.Division p : divisions.provinces()) {
            options.add(new String[] {p.code(), p.name()});
            for (ChinaDivisions.Division c : divisions.cities(p.code())) {
                options.add(new String[] {c.code(), p.name() + " " + c.name()});
            }
        }
        return options;
    }
}
