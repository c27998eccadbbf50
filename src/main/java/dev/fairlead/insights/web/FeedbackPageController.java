package dev.fairlead.insights.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.insights.FairnessFeedback;
import dev.fairlead.insights.Feedback;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Fairness feedback pages: the cycles and the form to open one (managers), the question (reps), the results (managers). */
@Controller
class FeedbackPageController {

    private final FairnessFeedback feedback;
    private final TeamService teams;
    private final FormErrors formErrors;

    FeedbackPageController(FairnessFeedback feedback, TeamService teams, FormErrors formErrors) {
        this.feedback = feedback;
        this.teams = teams;
        this.formErrors = formErrors;
    }

    @GetMapping("/insights/feedback")
    String cycles(Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("cycles", feedback.list(viewer));
        boolean manages = viewer.role().managesOrganisation();
        model.addAttribute("manages", manages);
        model.addAttribute("teams", manages ? teams.list(viewer, false) : List.<Team>of());
        return "insights/feedback";
    }

    @PostMapping("/insights/feedback")
    String open(@RequestParam(required = false) Long teamId, @RequestParam(required = false) String periodStart,
            @RequestParam(required = false) String periodEnd, @RequestParam(required = false) String closesOn, RedirectAttributes redirect) {
        try {
            Feedback.Cycle cycle = feedback.open(Viewers.require(), new Feedback.OpenCycle(teamId, date("periodStart", periodStart),
                    date("periodEnd", periodEnd), date("closesOn", closesOn)));
            return "redirect:/insights/feedback/" + cycle.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", formErrors.of(e).values()));
            return "redirect:/insights/feedback";
        }
    }

    @GetMapping("/insights/feedback/{id}")
    String cycle(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("cycle", feedback.get(viewer, id));
        if (viewer.role().managesOrganisation()) {
            model.addAttribute("results", feedback.results(viewer, id));
        }
        return "insights/feedback-cycle";
    }

    @PostMapping("/insights/feedback/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) Integer score, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        try {
            feedback.answer(Viewers.require(), id, new Feedback.Answer(score, comment));
            redirect.addFlashAttribute("thanks", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", formErrors.of(e).values()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/insights/feedback/" + id;
    }

    /** The rep's home card: cycles still open that they have not answered. */
    @GetMapping("/insights/home/feedback")
    String home(Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("waiting", feedback.list(viewer).stream()
                .filter(c -> c.open() && Boolean.FALSE.equals(c.answered())).toList());
        return "insights/home-feedback :: feedback";
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "insights.feedback.invalid.date");
        }
    }
}
