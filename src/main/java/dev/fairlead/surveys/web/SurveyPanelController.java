package dev.fairlead.surveys.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.surveys.SentSurvey;
import dev.fairlead.surveys.SurveyCommand;
import dev.fairlead.surveys.SurveyQuery;
import dev.fairlead.surveys.SurveyService;
import dev.fairlead.work.FollowUp;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpService;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The satisfaction panel of the deal page and of the customer page: the answers (rating, comment,
 * date), the open links, and "Send satisfaction survey" for a won deal and for each visit logged on
 * it. A link just made is shown once, to copy (reps send it over WeChat).
 */
@Controller
class SurveyPanelController {

    private final SurveyService surveys;
    private final DealService deals;
    private final FollowUpService followUps;
    private final FormErrors formErrors;
    private final Clock clock;

    SurveyPanelController(SurveyService surveys, DealService deals, FollowUpService followUps, FormErrors formErrors, Clock clock) {
        this.surveys = surveys;
        this.deals = deals;
        this.followUps = followUps;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/surveys/deals/{id}/panel")
    String dealPanel(@PathVariable long id, Model model) {
        return panel(true, id, null, null, model);
    }

    @GetMapping("/surveys/customers/{id}/panel")
    String customerPanel(@PathVariable long id, Model model) {
        return panel(false, id, null, null, model);
    }

    @PostMapping("/surveys/deals/{id}/send")
    String sendForDeal(@PathVariable long id, Model model) {
        return send(true, id, new SurveyCommand(id, null, null), model);
    }

    @PostMapping("/surveys/deals/{id}/visits/{followUpId}/send")
    String sendForDealVisit(@PathVariable long id, @PathVariable long followUpId, Model model) {
        return send(true, id, new SurveyCommand(null, followUpId, null), model);
    }

    @PostMapping("/surveys/customers/{id}/visits/{followUpId}/send")
    String sendForCustomerVisit(@PathVariable long id, @PathVariable long followUpId, Model model) {
        return send(false, id, new SurveyCommand(null, followUpId, null), model);
    }

    private String send(boolean deal, long id, SurveyCommand cmd, Model model) {
        Viewer viewer = Viewers.require();
        try {
            return panel(deal, id, surveys.send(viewer, cmd), null, model);
        } catch (InvalidInputException e) {
            return panel(deal, id, null, formErrors.of(e).values().stream().findFirst().orElse(null), model);
        } catch (ConflictException | ForbiddenException e) {
            return panel(deal, id, null, e.getMessage(), model);
        }
    }

    private String panel(boolean deal, long id, SentSurvey sent, String error, Model model) {
        Viewer viewer = Viewers.require();
        List<FollowUp> visits;
        if (deal) {
            Deal d = deals.get(viewer, id);
            model.addAttribute("dealWon", d.won());
            visits = followUps.forDeal(viewer, id);
            model.addAttribute("surveys", surveys.list(viewer, new SurveyQuery(id, null, null)));
        } else {
            model.addAttribute("dealWon", false);
            visits = followUps.forCustomer(viewer, id);
            model.addAttribute("surveys", surveys.list(viewer, new SurveyQuery(null, id, null)));
        }
        model.addAttribute("visits", visits.stream().filter(f -> f.kind() == FollowUpKind.VISIT).toList());
        model.addAttribute("base", (deal ? "/surveys/deals/" : "/surveys/customers/") + id);
        model.addAttribute("onDeal", deal);
        model.addAttribute("maySend", viewer.role() != Role.FINANCE);
        model.addAttribute("sent", sent);
        model.addAttribute("error", error);
        model.addAttribute("now", clock.instant());
        return "surveys/panels :: satisfaction";
    }
}
