package dev.fairlead.performance.web;

import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.performance.PointsAction;
import dev.fairlead.performance.PointsAward;
import dev.fairlead.performance.PointsService;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My points (reps), a team's points with awards (managers and above), and the points policy (directors and admins edit it). */
@Controller
class PointsPageController {

    private final PointsService points;
    private final PeriodPicker picker;
    private final TeamService teams;
    private final RepService reps;
    private final FormErrors formErrors;

    PointsPageController(PointsService points, PeriodPicker picker, TeamService teams, RepService reps, FormErrors formErrors) {
        this.points = points;
        this.picker = picker;
        this.teams = teams;
        this.reps = reps;
        this.formErrors = formErrors;
    }

    @GetMapping("/performance/points")
    String mine(@RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind, Model model) {
        Viewer viewer = Viewers.require();
        Period p = picker.pick(period, kind, model);
        model.addAttribute("policy", points.policy());
        model.addAttribute("actions", PointsAction.CREDITED);
        if (viewer.repId() != null) {
            model.addAttribute("ledger", points.mine(viewer, p));
        }
        return "performance/points";
    }

    @GetMapping("/performance/points/team")
    String team(@RequestParam(required = false) Long teamId, @RequestParam(required = false) String period,
            @RequestParam(required = false) PeriodKind kind, Model model) {
        Viewer viewer = Viewers.require();
        if (viewer.isRep()) {
            throw new ForbiddenException("A team's points ledger is for managers, directors, admins and finance");
        }
        Period p = picker.pick(period, kind, model);
        List<Team> visible = teams.list(viewer, false);
        Long chosen = teamId != null ? teamId : viewer.teamId() != null ? viewer.teamId()
                : visible.stream().filter(t -> t.parentId() == null).map(Team::id).findFirst().orElse(null);
        model.addAttribute("teams", visible);
        model.addAttribute("teamId", chosen);
        model.addAttribute("policy", points.policy());
        model.addAttribute("actions", PointsAction.CREDITED);
        model.addAttribute("canAward", viewer.role() == Role.MANAGER || viewer.role().setsCompanyRules());
        model.addAttribute("canSetPolicy", viewer.role().setsCompanyRules());
        if (chosen != null) {
            model.addAttribute("ledger", points.team(viewer, chosen, p));
            model.addAttribute("reps", reps.list(viewer, new RepQuery(chosen, null, null, true)));
        }
        return "performance/points-team";
    }

    @PostMapping("/performance/points/awards")
    String award(@RequestParam(required = false) Long repId, @RequestParam(required = false) String points,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Long teamId, RedirectAttributes redirect) {
        try {
            Integer value = parse(points, "points");
            this.points.award(Viewers.require(), new PointsAward(repId, value, reason));
            redirect.addFlashAttribute("awarded", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("errors", formErrors.of(InvalidInputException.of("repId", "incentives.award.rep")));
        }
        return back(teamId, redirect);
    }

    @PostMapping("/performance/points/policy")
    String policy(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            Map<PointsAction, Integer> changes = new EnumMap<>(PointsAction.class);
            for (PointsAction action : PointsAction.CREDITED) {
                String value = form.get("points." + action.name());
                if (value != null) {
                    changes.put(action, parse(value, "points." + action.name()));
                }
            }
            points.setPolicy(Viewers.require(), changes);
            redirect.addFlashAttribute("policySaved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        String teamId = form.get("teamId");
        return back(teamId == null || teamId.isBlank() ? null : Long.valueOf(teamId), redirect);
    }

    private static Integer parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "incentives.number.invalid");
        }
    }

    private static String back(Long teamId, RedirectAttributes redirect) {
        if (teamId != null) {
            redirect.addAttribute("teamId", teamId);
        }
        return "redirect:/performance/points/team";
    }
}
