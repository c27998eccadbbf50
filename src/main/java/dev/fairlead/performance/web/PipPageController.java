package dev.fairlead.performance.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.performance.Pip;
import dev.fairlead.performance.PipCheckInCommand;
import dev.fairlead.performance.PipCommand;
import dev.fairlead.performance.PipGoal;
import dev.fairlead.performance.PipOutcome;
import dev.fairlead.performance.PipOutcomeCommand;
import dev.fairlead.performance.PipProgress;
import dev.fairlead.performance.PipService;
import dev.fairlead.performance.domain.Metric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/**
 * Performance improvement plans: the list with suggestions and the form to open one (managers,
 * directors), a plan's page with its check-ins and outcome (also the rep's own). A refused form is
 * shown again with what was typed and a message at each field.
 */
@Controller
class PipPageController {

    static final int GOAL_ROWS = 3;
    static final int CHECK_IN_ROWS = 4;

    private final PipService pips;
    private final RepService reps;
    private final FormErrors formErrors;
    private final java.time.Clock clock;

    PipPageController(PipService pips, RepService reps, FormErrors formErrors, java.time.Clock clock) {
        this.pips = pips;
        this.reps = reps;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/performance/pips")
    String list(Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("pips", pips.list(viewer, null, false));
        boolean writer = viewer.role() == Role.MANAGER || viewer.role() == Role.DIRECTOR;
        model.addAttribute("writer", writer);
        if (writer) {
            model.addAttribute("suggestions", pips.suggestions(viewer));
            model.addAttribute("suggestBelow", pips.suggestBelow());
            model.addAttribute("suggestPeriods", pips.suggestPeriods());
            model.addAttribute("reps", reps.list(viewer, new RepQuery(null, null, null, true)));
        }
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("goalRows", GOAL_ROWS);
        model.addAttribute("checkInRows", CHECK_IN_ROWS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "performance/pips";
    }

    @PostMapping("/performance/pips")
    String open(@RequestParam Map<String, String> form, Model model) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        PipCommand cmd = read(form, errors);
        if (errors.isEmpty()) {
            try {
                return "redirect:/performance/pips/" + pips.open(Viewers.require(), cmd).id();
            } catch (InvalidInputException e) {
                errors.putAll(formErrors.of(e));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return list(model);
    }

    @GetMapping("/performance/pips/{id}")
    String detail(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        Pip pip = pips.get(viewer, id);
        model.addAttribute("pip", pip);
        model.addAttribute("writer", (viewer.role() == Role.MANAGER || viewer.role() == Role.DIRECTOR) && pip.status().running());
        model.addAttribute("progresses", PipProgress.values());
        model.addAttribute("outcomes", PipOutcome.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("nextCheckIn", pip.nextCheckIn(LocalDate.now(clock)));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", false);
        }
        return "performance/pip";
    }

    @PostMapping("/performance/pips/{id}/check-ins")
    String checkIn(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        LocalDate on = date(form.get("onDate"), "onDate", errors);
        PipProgress progress = parse(PipProgress.class, form.get("progress"));
        return act(id, form, errors, redirect, () -> pips.checkIn(Viewers.require(), id, new PipCheckInCommand(on, progress, form.get("note"))));
    }

    @PostMapping("/performance/pips/{id}/outcome")
    String conclude(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        LocalDate extendTo = date(form.get("extendTo"), "extendTo", errors);
        PipOutcome outcome = parse(PipOutcome.class, form.get("outcome"));
        return act(id, form, errors, redirect,
                () -> pips.conclude(Viewers.require(), id, new PipOutcomeCommand(outcome, extendTo, form.get("outcomeNote"))));
    }

    private String act(long id, Map<String, String> form, Map<String, String> errors, RedirectAttributes redirect, Runnable action) {
        if (errors.isEmpty()) {
            try {
                action.run();
                redirect.addFlashAttribute("saved", true);
                return "redirect:/performance/pips/" + id;
            } catch (InvalidInputException e) {
                errors.putAll(formErrors.of(e));
            } catch (ConflictException e) {
                errors.put("plan", e.getMessage());
            }
        }
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("form", form);
        return "redirect:/performance/pips/" + id;
    }

    /** The open form as a command; a value that is not a number or a date is a field message, not an exception. */
    private PipCommand read(Map<String, String> form, Map<String, String> errors) {
        Long repId = null;
        try {
            repId = blank(form.get("repId")) ? null : Long.valueOf(form.get("repId").trim());
        } catch (NumberFormatException e) {
            errors.put("repId", formErrors.message("performance.pip.pickRep"));
        }
        List<PipGoal> goals = new ArrayList<>();
        for (int i = 0; i < GOAL_ROWS; i++) {
            Metric metric = parse(Metric.class, form.get("goal" + i + ".metric"));
            String target = form.get("goal" + i + ".target");
            if (metric == null && blank(target)) {
                continue;
            }
            try {
                goals.add(new PipGoal(metric, blank(target) ? null : new BigDecimal(target.trim()), form.get("goal" + i + ".note")));
            } catch (NumberFormatException e) {
                errors.put("goals", formErrors.message("performance.pip.number"));
            }
        }
        List<LocalDate> checkIns = new ArrayList<>();
        for (int i = 0; i < CHECK_IN_ROWS; i++) {
            LocalDate d = date(form.get("checkIn" + i), "checkInDates", errors);
            if (d != null) {
                checkIns.add(d);
            }
        }
        return new PipCommand(repId, date(form.get("startsOn"), "startsOn", errors), date(form.get("endsOn"), "endsOn", errors), goals,
                form.get("support"), checkIns);
    }

    private LocalDate date(String text, String field, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, formErrors.message("performance.pip.date"));
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
