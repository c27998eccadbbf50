package dev.fairlead.work.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.DateTimes;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.work.FollowUp;
import dev.fairlead.work.FollowUpCommand;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpOutcome;
import dev.fairlead.work.FollowUpService;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The follow-up and task panels of the deal page and of the customer page (the deals module hosts
 * them as {@code DealPagePanel}s and loads them with htmx). Scope: the services answer 404 for a
 * deal or customer the viewer cannot see.
 */
@Controller
class DealWorkPageController {

    /** What the panels are about: the deal page's deal or the customer page's customer. */
    private enum Subject {
        DEAL("dealId", "/work/deals/", "/deals/"), CUSTOMER("customerId", "/work/customers/", "/customers/");

        final String linkField;
        final String panelPath;
        final String pagePath;

        Subject(String linkField, String panelPath, String pagePath) {
            this.linkField = linkField;
            this.panelPath = panelPath;
            this.pagePath = pagePath;
        }
    }

    private final FollowUpService followUps;
    private final TaskService tasks;
    private final DateTimes dateTimes;
    private final FormErrors formErrors;
    private final Clock clock;

    DealWorkPageController(FollowUpService followUps, TaskService tasks, DateTimes dateTimes, FormErrors formErrors, Clock clock) {
        this.followUps = followUps;
        this.tasks = tasks;
        this.dateTimes = dateTimes;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/work/deals/{id}/follow-ups")
    String dealFollowUps(@PathVariable long id, Model model) {
        return followUpPanel(Subject.DEAL, id, model, Map.of(), false);
    }

    @PostMapping("/work/deals/{id}/follow-ups")
    String logOnDeal(@PathVariable long id, @RequestParam(required = false) FollowUpKind kind,
            @RequestParam(required = false) FollowUpOutcome outcome, @RequestParam(required = false) String notes,
            @RequestParam(required = false) String nextStep, @RequestParam(required = false) String nextFollowUpAt,
            HttpServletResponse response, Model model) {
        return log(Subject.DEAL, id, kind, outcome, notes, nextStep, nextFollowUpAt, response, model);
    }

    @GetMapping("/work/deals/{id}/tasks")
    String dealTasks(@PathVariable long id, Model model) {
        return taskPanel(Subject.DEAL, id, tasks.forDeal(Viewers.require(), id), model);
    }

    @GetMapping("/work/customers/{id}/follow-ups")
    String customerFollowUps(@PathVariable long id, Model model) {
        return followUpPanel(Subject.CUSTOMER, id, model, Map.of(), false);
    }

    @PostMapping("/work/customers/{id}/follow-ups")
    String logOnCustomer(@PathVariable long id, @RequestParam(required = false) FollowUpKind kind,
            @RequestParam(required = false) FollowUpOutcome outcome, @RequestParam(required = false) String notes,
            @RequestParam(required = false) String nextStep, @RequestParam(required = false) String nextFollowUpAt,
            HttpServletResponse response, Model model) {
        return log(Subject.CUSTOMER, id, kind, outcome, notes, nextStep, nextFollowUpAt, response, model);
    }

    @GetMapping("/work/customers/{id}/tasks")
    String customerTasks(@PathVariable long id, Model model) {
        return taskPanel(Subject.CUSTOMER, id, tasks.forCustomer(Viewers.require(), id), model);
    }

    /** Logs a follow-up from the panel; the page's other panels reload on the {@code fairlead:refresh} event. */
    private String log(Subject subject, long id, FollowUpKind kind, FollowUpOutcome outcome, String notes, String nextStep,
            String nextFollowUpAt, HttpServletResponse response, Model model) {
        Viewer viewer = Viewers.require();
        try {
            FollowUpCommand cmd = new FollowUpCommand(kind, outcome, notes, nextStep, null, dateTimes.parse(nextFollowUpAt));
            if (subject == Subject.DEAL) {
                followUps.logOnDeal(viewer, id, cmd);
            } else {
                followUps.logOnCustomer(viewer, id, cmd);
            }
        } catch (InvalidInputException e) {
            return followUpPanel(subject, id, model, formErrors.of(e), false);
        }
        response.setHeader("HX-Trigger", "fairlead:refresh");
        return followUpPanel(subject, id, model, Map.of(), true);
    }

    private String followUpPanel(Subject subject, long id, Model model, Map<String, String> errors, boolean logged) {
        Viewer viewer = Viewers.require();
        List<FollowUp> list = subject == Subject.DEAL ? followUps.forDeal(viewer, id) : followUps.forCustomer(viewer, id);
        model.addAttribute("followUpsUrl", subject.panelPath + id + "/follow-ups");
        model.addAttribute("linkField", subject.linkField);
        model.addAttribute("followUps", list);
        model.addAttribute("kinds", FollowUpKind.values());
        model.addAttribute("outcomes", FollowUpOutcome.values());
        model.addAttribute("errors", errors);
        model.addAttribute("logged", logged);
        return "work/panels :: followUps";
    }

    private String taskPanel(Subject subject, long id, List<Task> list, Model model) {
        model.addAttribute("linkField", subject.linkField);
        model.addAttribute("linkId", id);
        model.addAttribute("returnTo", subject.pagePath + id);
        model.addAttribute("tasks", list);
        model.addAttribute("types", tasks.types());
        model.addAttribute("now", clock.instant());
        return "work/panels :: tasks";
    }
}
