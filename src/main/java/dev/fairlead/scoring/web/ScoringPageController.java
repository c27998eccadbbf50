package dev.fairlead.scoring.web;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.scoring.OpenLeadRescoring;
import dev.fairlead.scoring.RuleSetVersion;
import dev.fairlead.scoring.ScoringService;
import dev.fairlead.scoring.domain.Criterion;
import dev.fairlead.scoring.domain.CriterionGroup;
import dev.fairlead.scoring.domain.CriterionKind;
import dev.fairlead.scoring.domain.RuleSet;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Scoring rules as forms (no code): one row per criterion, grade thresholds, versions, and the predictive model's report. */
@Controller
class ScoringPageController {

    private final ScoringService scoring;
    private final FormErrors formErrors;
    private final OpenLeadRescoring rescoring;

    ScoringPageController(ScoringService scoring, FormErrors formErrors, OpenLeadRescoring rescoring) {
        this.scoring = scoring;
        this.formErrors = formErrors;
        this.rescoring = rescoring;
    }

    @GetMapping("/scoring")
    String overview(Model model) {
        model.addAttribute("active", scoring.activeRuleSet());
        model.addAttribute("versions", scoring.versions());
        model.addAttribute("report", scoring.latestReport().orElse(null));
        model.addAttribute("weights", scoring.modelWeights().stream().limit(12).toList());
        model.addAttribute("rescore", rescoring.latest().orElse(null));
        return "scoring/overview";
    }

    /** The re-scoring card alone, polled while the run is going. */
    @GetMapping("/scoring/rescoring/{id}")
    String rescoring(@PathVariable long id, Model model) {
        model.addAttribute("run", rescoring.run(id).orElseThrow(() -> new NotFoundException("re-scoring run", id)));
        return "scoring/overview :: rescore(run=${run})";
    }

    @GetMapping("/scoring/rules/{id}")
    String version(@PathVariable long id, Model model) {
        RuleSetVersion version = scoring.version(id);
        model.addAttribute("version", version);
        model.addAttribute("rules", model.containsAttribute("rules") ? model.getAttribute("rules") : version.rules());
        model.addAttribute("groups", CriterionGroup.values());
        model.addAttribute("kinds", CriterionKind.values());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "scoring/rules";
    }

    @PostMapping("/scoring/rules")
    String newDraft(@RequestParam(required = false) Long fromId) {
        return "redirect:/scoring/rules/" + scoring.createDraft(Viewers.require(), fromId, null).id();
    }

    @PostMapping("/scoring/rules/{id}")
    String save(@PathVariable long id, @RequestParam(required = false) String gradeA, @RequestParam(required = false) String gradeB,
            @RequestParam(required = false) String gradeC, @RequestParam(required = false) String note,
            HttpServletRequest request, RedirectAttributes redirect) {
        Viewer viewer = Viewers.require();
        // Raw parameter values, one per row: a single row's "a, b" must not be split on its commas.
        List<String> ids = values(request, "criterionId");
        List<String> groups = values(request, "group");
        List<String> kinds = values(request, "kind");
        List<String> labels = values(request, "label");
        List<String> values = values(request, "values");
        List<String> mins = values(request, "min");
        List<String> maxes = values(request, "max");
        List<String> days = values(request, "withinDays");
        List<String> counts = values(request, "maxCount");
        List<String> points = values(request, "points");
        List<FieldProblem> problems = new ArrayList<>();
        List<Criterion> criteria = new ArrayList<>();
        // Every row has a kind (a select); an empty id field may bind as no value at all.
        int n = kinds.size();
        for (int i = 0; i < n; i++) {
            String at = "criteria[" + i + "]";
            criteria.add(new Criterion(criterionId(ids, i), enumOf(CriterionGroup.class, at(groups, i)), enumOf(CriterionKind.class, at(kinds, i)),
                    at(labels, i), split(at(values, i)), decimal(at(mins, i), at + ".min", problems),
                    decimal(at(maxes, i), at + ".max", problems), integer(at(days, i), at + ".withinDays", problems),
                    integer(at(counts, i), at + ".maxCount", problems), orZero(integer(at(points, i), at + ".points", problems))));
        }
        RuleSet rules = new RuleSet(criteria, orZero(integer(gradeA, "gradeA", problems)), orZero(integer(gradeB, "gradeB", problems)),
                orZero(integer(gradeC, "gradeC", problems)));
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            scoring.updateDraft(viewer, id, rules, note);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
            redirect.addFlashAttribute("rules", rules);
        }
        return "redirect:/scoring/rules/" + id;
    }

    @PostMapping("/scoring/rules/{id}/activate")
    String activate(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            scoring.activate(Viewers.require(), id, reason);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
            return "redirect:/scoring/rules/" + id;
        }
        return "redirect:/scoring";
    }

    @PostMapping("/scoring/model/retrain")
    String retrain(RedirectAttributes redirect) {
        scoring.retrain(Viewers.require());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/scoring";
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** A new row gets an id of its own, unlike any the form already has. */
    private static String criterionId(List<String> ids, int i) {
        String given = at(ids, i);
        if (given != null && !given.isBlank()) {
            return given;
        }
        String id = "criterion-" + (i + 1);
        while (ids.contains(id)) {
            id = id + "-new";
        }
        return id;
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,，;；\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "validation.type", text));
            return null;
        }
    }

    private static Integer integer(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "validation.type", text));
            return null;
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
