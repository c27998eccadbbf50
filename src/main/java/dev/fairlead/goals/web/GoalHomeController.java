package dev.fairlead.goals.web;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.goals.GoalProgress;
import dev.fairlead.goals.GoalService;
import dev.fairlead.goals.PaceGap;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page's goal cards: the rep's quota and pace this month, and the pace of the viewer's teams and reps. */
@Controller
class GoalHomeController {

    private static final int SHOWN = 5;

    private final GoalService goals;

    GoalHomeController(GoalService goals) {
        this.goals = goals;
    }

    @GetMapping("/goals/home/mine")
    String mine(Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("goals", goals.mine(viewer).stream()
                .filter(p -> p.goal().period().kind() == PeriodKind.MONTH)
                .filter(p -> p.goal().unit().rep() && p.goal().unit().repId().equals(viewer.repId()))
                .toList());
        return "goals/home :: mine";
    }

    /** This month's goals in the viewer's scope: the teams' first, then the reps furthest behind pace. */
    @GetMapping("/goals/home/team")
    String team(Model model) {
        List<GoalProgress> running = goals.dashboard(Viewers.require(), null, PeriodKind.MONTH);
        List<GoalProgress> reps = running.stream().filter(p -> p.goal().unit().rep()).toList();
        model.addAttribute("teamGoals", running.stream().filter(p -> !p.goal().unit().rep()).limit(SHOWN).toList());
        model.addAttribute("repsBehind", reps.stream().filter(p -> direction(p) == PaceGap.Direction.BEHIND).limit(SHOWN).toList());
        model.addAttribute("behindCount", reps.stream().filter(p -> direction(p) == PaceGap.Direction.BEHIND).count());
        model.addAttribute("aheadCount", reps.stream().filter(p -> direction(p) != null && direction(p) != PaceGap.Direction.BEHIND).count());
        model.addAttribute("any", !running.isEmpty());
        return "goals/home :: team";
    }

    private static PaceGap.Direction direction(GoalProgress p) {
        return p.pace() == null ? null : p.pace().direction();
    }
}
