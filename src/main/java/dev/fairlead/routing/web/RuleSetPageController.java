package dev.fairlead.routing.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.pool.PoolService;
import dev.fairlead.routing.RuleDefinition;
import dev.fairlead.routing.RuleSetCommand;
import dev.fairlead.routing.RuleSetService;
import dev.fairlead.routing.RuleSetStatus;
import dev.fairlead.routing.RuleSetView;
import dev.fairlead.routing.TargetKind;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Match;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.StrategyKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The zero-code rule editor: versions, a draft's ordered rules, one form per rule, activation and rollback. */
@Controller
class RuleSetPageController {

    private final RuleSetService ruleSets;
    private final TeamService teams;
    private final RepService reps;
    private final PoolService pools;
    private final RuleTargetNames targetNames;
    private final FormErrors formErrors;

    RuleSetPageController(RuleSetService ruleSets, TeamService teams, RepService reps, PoolService pools, RuleTargetNames targetNames,
            FormErrors formErrors) {
        this.ruleSets = ruleSets;
        this.teams = teams;
        this.reps = reps;
        this.pools = pools;
        this.targetNames = targetNames;
        this.formErrors = formErrors;
    }

    @GetMapping("/routing/rule-sets")
    String list(Model model) {
        model.addAttribute("ruleSets", ruleSets.list());
        return "routing/rule-sets";
    }

    @PostMapping("/routing/rule-sets")
    String newDraft(@RequestParam(required = false) Long basedOn, RedirectAttributes redirect) {
        RuleSetView draft = ruleSets.createDraft(Viewers.require(), basedOn, null);
        return "redirect:/routing/rule-sets/" + draft.id();
    }

    @GetMapping("/routing/rule-sets/{id}")
    String detail(@PathVariable long id, Model model) {
        RuleSetView set = ruleSets.get(id);
        model.addAttribute("ruleSet", set);
        model.addAttribute("draft", set.status() == RuleSetStatus.DRAFT);
        model.addAttribute("targetNames", targetNames.all());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "routing/rule-set";
    }

    @PostMapping("/routing/rule-sets/{id}/rename")
    String rename(@PathVariable long id, @RequestParam String name, @RequestParam int rowVersion, RedirectAttributes redirect) {
        RuleSetView set = ruleSets.get(id);
        return save(set, set.rules(), name, rowVersion, redirect);
    }

    @PostMapping("/routing/rule-sets/{id}/activate")
    String activate(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        ruleSets.activate(Viewers.require(), id, reason);
        redirect.addFlashAttribute("activated", true);
        return "redirect:/routing/rule-sets/" + id;
    }

    @GetMapping("/routing/rule-sets/{id}/rules/new")
    String newRule(@PathVariable long id, Model model) {
        return form(model, ruleSets.get(id), null, new RuleForm(), Map.of());
    }

    @GetMapping("/routing/rule-sets/{id}/rules/{index}")
    String editRule(@PathVariable long id, @PathVariable int index, Model model) {
        RuleSetView set = ruleSets.get(id);
        return form(model, set, index, RuleForm.of(set.rules().get(index)), Map.of());
    }

    @PostMapping("/routing/rule-sets/{id}/rules")
    String saveRule(@PathVariable long id, @RequestParam(required = false) Integer index, @ModelAttribute("form") RuleForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        RuleSetView set = ruleSets.get(id);
        if (binding.hasErrors()) {
            return form(model, set, index, form, formErrors.of(binding));
        }
        List<RuleDefinition> rules = new ArrayList<>(set.rules());
        int position = index == null ? rules.size() : index;
        if (index == null) {
            rules.add(form.definition());
        } else {
            rules.set(index, form.definition());
        }
        try {
            ruleSets.updateDraft(Viewers.require(), id, new RuleSetCommand(set.name(), rules, set.rowVersion()));
        } catch (InvalidInputException e) {
            return form(model, set, index, form, ruleErrors(formErrors.of(e), position));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/routing/rule-sets/" + id;
    }

    @PostMapping("/routing/rule-sets/{id}/rules/{index}/delete")
    String deleteRule(@PathVariable long id, @PathVariable int index, RedirectAttributes redirect) {
        RuleSetView set = ruleSets.get(id);
        List<RuleDefinition> rules = new ArrayList<>(set.rules());
        rules.remove(index);
        return save(set, rules, set.name(), set.rowVersion(), redirect);
    }

    @PostMapping("/routing/rule-sets/{id}/rules/{index}/move")
    String moveRule(@PathVariable long id, @PathVariable int index, @RequestParam String direction, RedirectAttributes redirect) {
        RuleSetView set = ruleSets.get(id);
        List<RuleDefinition> rules = new ArrayList<>(set.rules());
        int other = "up".equals(direction) ? index - 1 : index + 1;
        if (other >= 0 && other < rules.size()) {
            rules.set(index, rules.set(other, rules.get(index)));
        }
        return save(set, rules, set.name(), set.rowVersion(), redirect);
    }

    private String save(RuleSetView set, List<RuleDefinition> rules, String name, int rowVersion, RedirectAttributes redirect) {
        try {
            ruleSets.updateDraft(Viewers.require(), set.id(), new RuleSetCommand(name, rules, rowVersion));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/routing/rule-sets/" + set.id();
    }

    /** "rules[3].teamId" → "teamId" for the rule being edited; other rules' problems stay under their full name. */
    private static Map<String, String> ruleErrors(Map<String, String> errors, int position) {
        Map<String, String> mapped = new LinkedHashMap<>();
        String prefix = "rules[" + position + "].";
        errors.forEach((field, message) -> mapped.merge(field.startsWith(prefix) ? field.substring(prefix.length()) : field,
                message, (a, b) -> a + "; " + b));
        return mapped;
    }

    private String form(Model model, RuleSetView set, Integer index, RuleForm form, Map<String, String> errors) {
        Viewer viewer = Viewers.require();
        model.addAttribute("ruleSet", set);
        model.addAttribute("index", index);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fields", LeadField.values());
        model.addAttribute("operators", Operator.values());
        model.addAttribute("matches", Match.values());
        model.addAttribute("targetKinds", TargetKind.values());
        model.addAttribute("strategies", StrategyKind.values());
        model.addAttribute("periods", PeriodKind.values());
        RuleTargetNames.Names names = targetNames.all();
        model.addAttribute("teamOptions", RuleTargetNames.teamOptions(teams.list(viewer, false), form.getTeamId(), names));
        model.addAttribute("repOptions", RuleTargetNames.repOptions(reps.list(viewer, new RepQuery(null, null, null, true)),
                form.getRepIds(), names));
        model.addAttribute("poolOptions", RuleTargetNames.poolOptions(pools.list(viewer), form.getPoolId(), names));
        model.addAttribute("defaultPool", names.defaultPool());
        return "routing/rule-form";
    }
}
