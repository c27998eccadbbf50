package dev.fairlead.work.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.SlaStatus;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SlaPageController {

    private final SlaService sla;
    private final Clock clock;

    SlaPageController(SlaService sla, Clock clock) {
        this.sla = sla;
        this.clock = clock;
    }

    /** The team's first-contact clocks: running (time left), breached, and the last week's met ones. */
    @GetMapping("/sla")
    String team(@RequestParam(required = false) SlaStatus status, Model model) {
        model.addAttribute("timers", sla.team(Viewers.require(), status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", SlaStatus.values());
        model.addAttribute("policies", sla.policies());
        model.addAttribute("now", clock.instant());
        return "work/sla";
    }
}
