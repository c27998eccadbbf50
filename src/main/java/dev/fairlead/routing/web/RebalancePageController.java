package dev.fairlead.routing.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.TeamService;
import dev.fairlead.routing.RebalanceProposal;
import dev.fairlead.routing.RebalanceRequest;
import dev.fairlead.routing.RebalanceService;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class RebalancePageController {

    private final RebalanceService rebalances;
    private final TeamService teams;
    private final FormErrors formErrors;

    RebalancePageController(RebalanceService rebalances, TeamService teams, FormErrors formErrors) {
        this.rebalances = rebalances;
        this.teams = teams;
        this.formErrors = formErrors;
    }

    @GetMapping("/routing/rebalance")
    String form(Model model) {
        return form(model, new RebalanceRequest(null, null, null, null), Map.of());
    }

    @PostMapping("/routing/rebalance")
    String propose(@RequestParam(required = false) Long teamId, @RequestParam(required = false) Double guardMultiple,
            @RequestParam(required = false) Double movePenalty, @RequestParam(defaultValue = "false") boolean requireSkill, Model model) {
        RebalanceRequest req = new RebalanceRequest(teamId, guardMultiple, movePenalty, requireSkill);
        try {
            return "redirect:/routing/rebalance/" + rebalances.propose(Viewers.require(), req).id();
        } catch (InvalidInputException e) {
            return form(model, req, formErrors.of(e));
        }
    }

    @GetMapping("/routing/rebalance/{id}")
    String proposal(@PathVariable long id, Model model) {
        RebalanceProposal p = rebalances.get(Viewers.require(), id);
        model.addAttribute("proposal", p);
        return "routing/rebalance";
    }

    @PostMapping("/routing/rebalance/{id}/apply")
    String apply(@PathVariable long id) {
        rebalances.apply(Viewers.require(), id);
        return "redirect:/routing/rebalance/" + id;
    }

    @PostMapping("/routing/rebalance/{id}/discard")
    String discard(@PathVariable long id) {
        rebalances.discard(Viewers.require(), id);
        return "redirect:/routing/rebalance/" + id;
    }

    private String form(Model model, RebalanceRequest req, Map<String, String> errors) {
        model.addAttribute("request", req);
        model.addAttribute("teams", teams.list(Viewers.require(), false));
        model.addAttribute("errors", errors);
        return "routing/rebalance-form";
    }
}
