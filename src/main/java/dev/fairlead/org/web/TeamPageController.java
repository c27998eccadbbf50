package dev.fairlead.org.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamCommand;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class TeamPageController {

    /** The team form as the browser posts it. */
    public static class TeamForm {
        private String name;
        private TeamKind kind = TeamKind.TEAM;
        private Long parentId;
        private Integer version;

        static TeamForm of(Team t) {
            TeamForm f = new TeamForm();
            f.name = t.name();
            f.kind = t.kind();
            f.parentId = t.parentId();
            f.version = t.version();
            return f;
        }

        TeamCommand command() {
            return new TeamCommand(name, kind, parentId, version);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public TeamKind getKind() { return kind; }
        public void setKind(TeamKind kind) { this.kind = kind; }
        public Long getParentId() { return parentId; }
        public void setParentId(Long parentId) { this.parentId = parentId; }
        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
    }

    private final TeamService teams;
    private final FormErrors formErrors;

    TeamPageController(TeamService teams, FormErrors formErrors) {
        this.teams = teams;
        this.formErrors = formErrors;
    }

    @GetMapping("/teams")
    String list(@RequestParam(defaultValue = "false") boolean inactive, Model model) {
        model.addAttribute("teams", teams.list(Viewers.require(), inactive));
        model.addAttribute("inactive", inactive);
        return "teams/list";
    }

    @GetMapping("/teams/new")
    String newForm(@RequestParam(required = false) Long parentId, Model model) {
        TeamForm form = new TeamForm();
        form.setParentId(parentId);
        return form(model, form, null);
    }

    @GetMapping("/teams/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, TeamForm.of(teams.get(Viewers.require(), id)), id);
    }

    @PostMapping("/teams")
    String create(@ModelAttribute("form") TeamForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return save(form, binding, null, model, redirect);
    }

    @PostMapping("/teams/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") TeamForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return save(form, binding, id, model, redirect);
    }

    @PostMapping("/teams/{id}/deactivate")
    String deactivate(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        teams.deactivate(Viewers.require(), id, reason);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/teams";
    }

    private String save(TeamForm form, BindingResult binding, Long id, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", formErrors.of(binding));
            return form(model, form, id);
        }
        Viewer viewer = Viewers.require();
        try {
            if (id == null) {
                teams.create(viewer, form.command());
            } else {
                teams.update(viewer, id, form.command());
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e));
            return form(model, form, id);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/teams";
    }

    private String form(Model model, TeamForm form, Long id) {
        Viewer viewer = Viewers.require();
        model.addAttribute("form", form);
        model.addAttribute("teamId", id);
        model.addAttribute("parents", teams.list(viewer, false).stream().filter(t -> id == null || t.id() != id).toList());
        model.addAttribute("kinds", TeamKind.values());
        model.addAttribute("errors", model.getAttribute("errors") == null ? java.util.Map.of() : model.getAttribute("errors"));
        return "teams/form";
    }
}
