package dev.fairlead.performance.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.performance.Pip;
import dev.fairlead.performance.PipCheckInCommand;
import dev.fairlead.performance.PipCommand;
import dev.fairlead.performance.PipOutcomeCommand;
import dev.fairlead.performance.PipService;
import dev.fairlead.performance.PipSuggestion;
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
@RequestMapping("/api/performance/pips")
@Tag(name = "Performance improvement plans", description = "PIPs: goals, check-ins and outcome; read only by the rep, their managers and directors")
class PipApiController {

    private final PipService pips;

    PipApiController(PipService pips) {
        this.pips = pips;
    }

    @GetMapping
    @Operation(operationId = "listPips", summary = "Plans the caller may read: a rep their own, a manager their team's reps and below, a director all")
    List<Pip> list(@RequestParam(required = false) Long repId, @RequestParam(defaultValue = "false") boolean running) {
        return pips.list(Viewers.require(), repId, running);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPip", summary = "A plan with its check-ins")
    Pip get(@PathVariable long id) {
        return pips.get(Viewers.require(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "openPip", summary = "Open a plan for a rep of the caller's team (managers, directors); one running plan per rep")
    Pip open(@RequestBody PipCommand cmd) {
        return pips.open(Viewers.require(), cmd);
    }

    @PostMapping("/{id}/check-ins")
    @Operation(operationId = "checkInPip", summary = "Record a check-in: the day (today by default), progress and a note")
    Pip checkIn(@PathVariable long id, @RequestBody PipCheckInCommand cmd) {
        return pips.checkIn(Viewers.require(), id, cmd);
    }

    @PostMapping("/{id}/outcome")
    @Operation(operationId = "concludePip", summary = "Conclude a running plan as PASSED or ENDED, or EXTEND it to a later end date (extendTo)")
    Pip conclude(@PathVariable long id, @RequestBody PipOutcomeCommand cmd) {
        return pips.conclude(Viewers.require(), id, cmd);
    }

    @GetMapping("/suggestions")
    @Operation(operationId = "pipSuggestions", summary = "Reps whose last closed monthly scorecards all scored below the threshold and who have no running plan (a suggestion, never automatic)")
    List<PipSuggestion> suggestions() {
        return pips.suggestions(Viewers.require());
    }
}
