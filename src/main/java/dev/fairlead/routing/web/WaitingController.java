package dev.fairlead.routing.web;

import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.routing.WaitingLeads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The "waiting for working hours" queue as a page and a home card (the API: {@link WaitingApiController}). */
@Controller
class WaitingController {

    static final int HOME_SHOWN = 5;

    private final WaitingLeads waiting;

    WaitingController(WaitingLeads waiting) {
        this.waiting = waiting;
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

    static Viewer manager() {
        Viewer viewer = Viewers.require();
        if (!viewer.role().managesOrganisation() && !viewer.role().seesEverything()) {
            throw new ForbiddenException("Role " + viewer.role() + " has no waiting queue to see");
        }
        return viewer;
    }
}
