package dev.fairlead.surveys.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.surveys.SentSurvey;
import dev.fairlead.surveys.Survey;
import dev.fairlead.surveys.SurveyCommand;
import dev.fairlead.surveys.SurveyQuery;
import dev.fairlead.surveys.SurveyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@RestController
@RequestMapping("/api/surveys")
@Tag(name = "Surveys", description = "Customer satisfaction surveys: a public single-use link after a won deal or a visit")
class SurveyApiController {

    private final SurveyService surveys;

    SurveyApiController(SurveyService surveys) {
        this.surveys = surveys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "sendSurvey", summary = "Send a survey about a won deal (dealId) or a visit (followUpId); the answer carries the public link, shown only this once")
    SentSurvey send(@RequestBody SurveyCommand cmd) {
        return surveys.send(Viewers.require(), cmd);
    }

    @GetMapping
    @Operation(operationId = "listSurveys", summary = "Surveys and their answers within the caller's scope, newest first, filtered by deal, customer or rep")
    List<Survey> list(@RequestParam(required = false) Long dealId, @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Long repId) {
        return surveys.list(Viewers.require(), new SurveyQuery(dealId, customerId, repId));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSurvey", summary = "One survey (404 outside the caller's scope)")
    Survey get(@PathVariable long id) {
        return surveys.get(Viewers.require(), id);
    }
}
