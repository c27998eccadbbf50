package dev.fairlead.work.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.DateTimes;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.leads.LeadPagePanel;
import dev.fairlead.leads.LeadService;
import dev.fairlead.work.FollowUpCommand;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpOutcome;
import dev.fairlead.work.FollowUpService;
import dev.fairlead.work.LeadTimeline;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.TaskService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Working one lead: the page that hosts every module's lead panels (follow-ups, tasks, SLA,
 * timeline, pool), and the panels' fragments, which the lead page loads too.
 */
@Controller
class LeadWorkPageController {

    private final LeadService leads;
    private final FollowUpService followUps;
    private final TaskService tasks;
    private final SlaService sla;
    private final LeadTimeline timeline;
    private final List<LeadPagePanel> panels;
    private final DateTimes dateTimes;
    private final FormErrors formErrors;
    private final Clock clock;

    LeadWorkPageController(LeadService leads, FollowUpService followUps, TaskService tasks, SlaService sla,
            LeadTimeline timeline, List<LeadPagePanel> panels, DateTimes dateTimes, FormErrors formErrors, Clock clock) {
        this.leads = leads;
        this.followUps = followUps;
        this.tasks = tasks;
        this.sla = sla;
        this.timeline = timeline;
        this.panels = panels.stream().sorted(Comparator.comparingInt(LeadPagePanel::order)).toList();
        this.dateTimes = dateTimes;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/work/leads/{id}")
    String workspace(@PathVariable long id, Model model) {
        model.addAttribute("lead", leads.get(Viewers.require(), id));
        model.addAttribute("panels", panels);
        return "work/lead";
    }

    @GetMapping("/work/leads/{id}/follow-ups")
    String followUps(@PathVariable long id, Model model) {
        return followUpPanel(Viewers.require(), id, model, Map.of(), false);
    }

    /** Logs a follow-up from the panel; the other panels reload on the {@code fairlead:refresh} event. */
    @PostMapping("/work/leads/{id}/follow-ups")
    String logFollowUp(@PathVariable long id, @RequestParam(required = false) FollowUpKind kind,
            @RequestParam(required = false) FollowUpOutcome outcome, @RequestParam(required = false) String notes,
            @RequestParam(required = false) String nextStep, @RequestParam(required = false) String nextFollowUpAt,
            HttpServletResponse response, Model model) {
        Viewer viewer = Viewers.require();
        try {
            followUps.log(viewer, id, new FollowUpCommand(kind, outcome, notes, nextStep, null, dateTimes.parse(nextFollowUpAt)));
        } catch (InvalidInputException e) {
            return followUpPanel(viewer, id, model, formErrors.of(e), false);
        }
        response.setHeader("HX-Trigger", "fairlead:refresh");
        return followUpPanel(viewer, id, model, Map.of(), true);
    }

    @GetMapping("/work/leads/{id}/tasks")
    String tasks(@PathVariable long id, Model model) {
        model.addAttribute("linkField", "leadId");
        model.addAttribute("linkId", id);
        model.addAttribute("returnTo", "/work/leads/" + id);
        model.addAttribute("tasks", tasks.forLead(Viewers.require(), id));
        model.addAttribute("types", tasks.types());
        model.addAttribute("now", clock.instant());
        return "work/panels :: tasks";
    }

    @GetMapping("/work/leads/{id}/sla")
    String sla(@PathVariable long id, Model model) {
        model.addAttribute("timers", sla.forLead(Viewers.require(), id));
        model.addAttribute("now", clock.instant());
        return "work/panels :: sla";
    }

    @GetMapping("/work/leads/{id}/timeline")
    String timeline(@PathVariable long id, Model model) {
        model.addAttribute("entries", timeline.of(Viewers.require(), id));
        return "work/panels :: timeline";
    }

    private String followUpPanel(Viewer viewer, long id, Model model, Map<String, String> errors, boolean logged) {
        model.addAttribute("followUpsUrl", "/work/leads/" + id + "/follow-ups");
        model.addAttribute("linkField", "leadId");
        model.addAttribute("followUps", followUps.forLead(viewer, id));
        model.addAttribute("kinds", FollowUpKind.values());
        model.addAttribute("outcomes", FollowUpOutcome.values());
        model.addAttribute("errors", errors);
        model.addAttribute("logged", logged);
        return "work/panels :: followUps";
    }
}
