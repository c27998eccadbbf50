package dev.fairlead.work.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.work.SlaPolicy;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.TaskService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Directors and admins set workload points per task type and the first-contact SLA per grade. */
@Controller
class WorkSettingsController {

    static final List<String> GRADES = List.of("", "A", "B", "C", "D");

    private final TaskService tasks;
    private final SlaService sla;
    private final FormErrors formErrors;

    WorkSettingsController(TaskService tasks, SlaService sla, FormErrors formErrors) {
        this.tasks = tasks;
        this.sla = sla;
        this.formErrors = formErrors;
    }

    @GetMapping("/work/settings")
    String settings(Model model) {
        return page(model, Map.of());
    }

    @PostMapping("/work/settings/task-types/{code}")
    String taskType(@PathVariable String code, @RequestParam(required = false) Integer workloadPoints,
            @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        try {
            if (workloadPoints == null) {
                throw InvalidInputException.of("workloadPoints", "validation.required");
            }
            tasks.setTypePoints(Viewers.require(), code, workloadPoints, version);
        } catch (InvalidInputException e) {
            return page(model, formErrors.of(e));
        } catch (ConflictException e) {
            return page(model, Map.of("workloadPoints", e.getMessage()));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/work/settings";
    }

    /** One row per grade ("" = default); a grade row without hours has no policy of its own. */
    @PostMapping("/work/settings/sla")
    String slaPolicies(@RequestParam List<String> grade, @RequestParam List<String> hours, @RequestParam List<String> remindMinutes,
            @RequestParam(required = false) List<String> workingHours, @RequestParam(required = false) List<String> autoReassign,
            Model model, RedirectAttributes redirect) {
        List<SlaPolicy> policies = new ArrayList<>();
        List<String> working = workingHours == null ? List.of() : workingHours;
        List<String> reassign = autoReassign == null ? List.of() : autoReassign;
        for (int i = 0; i < grade.size(); i++) {
            String g = grade.get(i);
            String h = i < hours.size() ? hours.get(i) : "";
            if (h == null || h.isBlank()) {
                continue;
            }
            try {
                int minutes = (int) Math.round(Double.parseDouble(h.trim()) * 60);
                String remind = i < remindMinutes.size() ? remindMinutes.get(i) : "";
                policies.add(new SlaPolicy(g, minutes, remind == null || remind.isBlank() ? 0 : Integer.parseInt(remind.trim()),
                        working.contains(g.isEmpty() ? "*" : g), reassign.contains(g.isEmpty() ? "*" : g)));
            } catch (NumberFormatException e) {
                return page(model, Map.of("sla", h));
            }
        }
        try {
            sla.savePolicies(Viewers.require(), policies);
        } catch (InvalidInputException e) {
            return page(model, formErrors.of(e));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/work/settings";
    }

    private String page(Model model, Map<String, String> errors) {
        Viewer viewer = Viewers.require();
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only directors and administrators change work settings");
        }
        model.addAttribute("types", tasks.types());
        List<SlaPolicy> policies = sla.policies();
        model.addAttribute("rows", GRADES.stream().map(g -> policies.stream()
                .filter(p -> (p.grade() == null ? "" : p.grade()).equals(g)).findFirst()
                .map(p -> Map.<String, Object>of("grade", g, "hours", p.firstContactMinutes() / 60.0, "remind", p.remindBeforeMinutes(),
                        "working", p.workingHours(), "reassign", p.autoReassign(), "key", g.isEmpty() ? "*" : g))
                .orElse(Map.of("grade", g, "hours", "", "remind", "", "working", false, "reassign", false, "key", g.isEmpty() ? "*" : g)))
                .toList());
        model.addAttribute("errors", errors);
        return "work/settings";
    }
}
