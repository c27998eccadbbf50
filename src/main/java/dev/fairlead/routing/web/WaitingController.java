package dev.fairlead.routing.web;

import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.routing.WaitingLead;
import dev.fairlead.routing.WaitingLeads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The "waiting for working hours" queue: as a page, a home card and in the API. */
@Controller
@Tag(name = "Routing")
class WaitingController {

    static final int HOME_SHOWN = 5;

    private final WaitingLeads waiting;

    WaitingController(WaitingLeads waiting) {
        this.waiting = waiting;
    }

    @GetMapping("/api/routing/waiting")
    @ResponseBody
    @Operation(summary = "Leads waiting for working hours for the caller's teams, in arrival order, with when each will be routed")
    List<WaitingLead> api(@RequestParam(defaultValue = "200") int limit) {
        return waiting.list(manager(), limit);
    }

    @GetMapping("/routing/waiting")
    String page(Model model) {
        model.addAttribute("waiting", waiting.list(manager(), 1000));
        return "routing/waiting";
    }

    @GetMapping("/routing/home/waiting")
    String home(Model model) {
        Viewer viewer = manager();
        model.addAttribute("count", waiting.count(viewer));
        model.addAttribute("shown", waiting.list(viewer, HOME_SHOWN));
        return "routing/waiting :: home";
    }

    private static Viewer manager() {
        Viewer viewer = Viewers.require();
        if (!viewer.role().managesOrganisation() && !viewer.role().seesEverything()) {
            throw new ForbiddenException("Role " + viewer.role() + " has no waiting queue to see");
        }
        return viewer;
    }
}
