package dev.fairlead.performance.web;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.performance.Audience;
import dev.fairlead.performance.KpiScheme;
import dev.fairlead.performance.SchemeCommand;
import dev.fairlead.performance.SchemeService;
import dev.fairlead.performance.SchemeStatus;
import dev.fairlead.performance.ScorecardService;
import dev.fairlead.performance.domain.CurveKind;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The scheme editor: versions, a new draft, a draft's dimensions, activation and rollback, simulation on last period. */
@Controller
class SchemePageController {

    private final SchemeService schemes;
    private final ScorecardService scorecards;
    private final AuditTrail audit;
    private final FormErrors formErrors;

    SchemePageController(SchemeService schemes, ScorecardService scorecards, AuditTrail audit, FormErrors formErrors) {
        this.schemes = schemes;
        this.scorecards = scorecards;
        this.audit = audit;
        this.formErrors = formErrors;
    }

    @GetMapping("/performance/schemes")
    String list(Model model) {
        model.addAttribute("schemes", schemes.list());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("kinds", List.of(PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER));
        defaults(model);
        return "performance/schemes";
    }

    @PostMapping("/performance/schemes")
    String create(@RequestParam(required = false) Audience audience, @RequestParam(required = false) PeriodKind periodKind,
            @RequestParam(required = false) String name, @RequestParam(required = false) Long basedOn, RedirectAttributes redirect) {
        try {
            KpiScheme draft = schemes.createDraft(Viewers.require(), new SchemeCommand(basedOn, name, audience, periodKind, null, null));
            return "redirect:/performance/schemes/" + draft.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
            return "redirect:/performance/schemes";
        }
    }

    @GetMapping("/performance/schemes/{id}")
    String detail(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        KpiScheme scheme = schemes.get(id);
        model.addAttribute("scheme", scheme);
        if (!model.containsAttribute("rows")) {
            model.addAttribute("rows", SchemeForm.rows(scheme));
        }
        model.addAttribute("curves", CurveKind.values());
        model.addAttribute("editable", scheme.status() == SchemeStatus.DRAFT && viewer.role().managesOrganisation());
        model.addAttribute("canActivate", scheme.status() != SchemeStatus.ACTIVE && viewer.role().setsCompanyRules());
        model.addAttribute("canCopy", viewer.role().managesOrganisation());
        model.addAttribute("canSimulate", viewer.role().managesOrganisation() && !scheme.dimensions().isEmpty());
        model.addAttribute("history", audit.search(viewer, AuditFilter.forEntity("kpiScheme", id)).items());
        defaults(model);
        return "performance/scheme";
    }

    @PostMapping("/performance/schemes/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            KpiScheme before = schemes.get(id);
            schemes.updateDraft(Viewers.require(), id, new SchemeCommand(null, form.get("name"), null, null, SchemeForm.read(form),
                    before.rowVersion()));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("scheme", e.getMessage()));
        }
        return "redirect:/performance/schemes/" + id;
    }

    @PostMapping("/performance/schemes/{id}/activate")
    String activate(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            schemes.activate(Viewers.require(), id, reason);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/performance/schemes/" + id;
    }

    @PostMapping("/performance/schemes/{id}/simulate")
    String simulate(@PathVariable long id, @RequestParam(required = false) String period, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("simulation", scorecards.simulate(Viewers.require(), id, period));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("scheme", e.getMessage()));
        }
        return "redirect:/performance/schemes/" + id;
    }

    private static void defaults(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", false);
        }
    }
}
