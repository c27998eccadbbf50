package dev.fairlead.insights.web;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewers;
import dev.fairlead.insights.FairnessFeedback;
import dev.fairlead.insights.Feedback;
import dev.fairlead.insights.Review;
import dev.fairlead.insights.RuleEffectiveness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Review of assignment rules (复盘): rule effectiveness per rule-set version and rule, and the anonymous fairness feedback. */
@RestController
@RequestMapping("/api/insights")
@Tag(name = "Insights review", description = "Rule effectiveness per rule-set version and rule; anonymous fairness feedback")
class ReviewApiController {

    private final RuleEffectiveness effectiveness;
    private final FairnessFeedback feedback;

    ReviewApiController(RuleEffectiveness effectiveness, FairnessFeedback feedback) {
        this.effectiveness = effectiveness;
        this.feedback = feedback;
    }

    @GetMapping("/rule-effectiveness")
    @Operation(operationId = "ruleEffectiveness", summary = "Per rule-set version and rule: leads routed, median and p90 hours to first contact, conversion to deal "
            + "and won, revenue per lead, SLA kept, share pooled; each figure with the leads it rests on (period MONTH, QUARTER "
            + "(default) or YEAR containing on)")
    Review.Effectiveness effectiveness(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId) {
        return effectiveness.effectiveness(Viewers.require(), new Review.Filter(period, on, teamId));
    }

    @GetMapping("/rule-effectiveness/leads")
    @Operation(operationId = "ruleEffectivenessLeads", summary = "The leads behind a figure of a version (and rule): figure ROUTED (default), POOLED, CONTACTED, DEAL, WON, "
            + "SLA_KEPT or SLA_MISSED; at most 1,000")
    Review.Leads leads(@RequestParam int version, @RequestParam(required = false) String rule,
            @RequestParam(required = false) Review.DrillFigure figure, @RequestParam(required = false) PeriodKind period,
            @RequestParam(required = false) LocalDate on, @RequestParam(required = false) Long teamId) {
        return effectiveness.leads(Viewers.require(), new Review.Filter(period, on, teamId), version, rule, figure);
    }

    @GetMapping("/feedback-cycles")
    @Operation(operationId = "listFeedbackCycles", summary = "Fairness feedback cycles: a rep's own team's (with whether they answered), others' of the teams in scope")
    List<Feedback.Cycle> cycles() {
        return feedback.list(Viewers.require());
    }

    @PostMapping("/feedback-cycles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "openFeedbackCycle", summary = "Opens a fairness feedback cycle for a team and period and asks the team's reps (managers, directors, admins)")
    Feedback.Cycle open(@RequestBody Feedback.OpenCycle cmd) {
        return feedback.open(Viewers.require(), cmd);
    }

    @GetMapping("/feedback-cycles/{id}")
    Feedback.Cycle cycle(@PathVariable long id) {
        return feedback.get(Viewers.require(), id);
    }

    @PostMapping("/feedback-cycles/{id}/answer")
    @Operation(operationId = "answerFeedbackCycle", summary = "A rep of the cycle's team answers, once, anonymously: score 1-5 and an optional comment")
    Feedback.Cycle answer(@PathVariable long id, @RequestBody Feedback.Answer answer) {
        return feedback.answer(Viewers.require(), id, answer);
    }

    @GetMapping("/feedback-cycles/{id}/results")
    @Operation(operationId = "feedbackResults", summary = "Distribution, mean and shuffled comments once the cycle has closed with 5 or more answers, beside the "
            + "fairness of assignment in its period")
    Feedback.Results results(@PathVariable long id) {
        return feedback.results(Viewers.require(), id);
    }
}
