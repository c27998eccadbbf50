package dev.fairlead.performance.web;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewers;
import dev.fairlead.performance.FreezeResult;
import dev.fairlead.performance.KpiScheme;
import dev.fairlead.performance.RepScorecard;
import dev.fairlead.performance.SchemeCommand;
import dev.fairlead.performance.SchemeService;
import dev.fairlead.performance.ScorecardService;
import dev.fairlead.performance.Simulation;
import dev.fairlead.performance.TeamScorecard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/performance")
@Tag(name = "Performance", description = "KPI schemes and scorecards: weighted dimensions, curves, gates, frozen periods, simulation")
class PerformanceApiController {

    /** A scorecard with its words in the caller's language (Accept-Language). */
    record ScorecardAnswer(RepScorecard scorecard, ScorecardText.Explanation explanation) {}

    /** Why a version is activated, or a frozen card recalculated; kept in the audit trail. */
    @Schema(name = "ActivationReason")
    record Reason(String reason) {}

    /** Which period to close or simulate on ({@code 2026-W49}, {@code 2026-11}, {@code 2026-Q4}). */
    record PeriodBody(String period) {}

    /** A frozen card to score again, with why. */
    record Recalculation(String period, String reason) {}

    private final SchemeService schemes;
    private final ScorecardService scorecards;
    private final ScorecardText text;

    PerformanceApiController(SchemeService schemes, ScorecardService scorecards, ScorecardText text) {
        this.schemes = schemes;
        this.scorecards = scorecards;
        this.text = text;
    }

    @GetMapping("/schemes")
    @Operation(operationId = "listKpiSchemes", summary = "Every KPI scheme version (the rules are public)")
    List<KpiScheme> schemes() {
        return schemes.list();
    }

    @Operation(operationId = "getKpiScheme")
    @GetMapping("/schemes/{id}")
    KpiScheme scheme(@PathVariable long id) {
        return schemes.get(id);
    }

    @PostMapping("/schemes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createKpiScheme", summary = "Start a draft: an audience (rep tier or ALL), a period kind and dimensions, or a copy of basedOn")
    KpiScheme createDraft(@RequestBody SchemeCommand cmd) {
        return schemes.createDraft(Viewers.require(), cmd);
    }

    @PutMapping("/schemes/{id}")
    @Operation(operationId = "updateKpiScheme", summary = "Replace a draft's name and dimensions; the weights must add up to 100")
    KpiScheme updateDraft(@PathVariable long id, @RequestBody SchemeCommand cmd) {
        return schemes.updateDraft(Viewers.require(), id, cmd);
    }

    @PostMapping("/schemes/{id}/activate")
    @Operation(operationId = "activateKpiScheme", summary = "Activate a draft (retiring the active version of its audience and period kind) or roll back to a retired one")
    KpiScheme activate(@PathVariable long id, @RequestBody(required = false) Reason body) {
        return schemes.activate(Viewers.require(), id, body == null ? null : body.reason());
    }

    @PostMapping("/schemes/{id}/simulate")
    @Operation(operationId = "simulateKpiScheme", summary = "Run the version on a past period (last period by default) next to the active schemes: who gains, who loses")
    Simulation simulate(@PathVariable long id, @RequestBody(required = false) PeriodBody body) {
        return scorecards.simulate(Viewers.require(), id, body == null ? null : body.period());
    }

    @GetMapping("/scorecards/mine")
    @Operation(operationId = "myScorecard", summary = "The caller's scorecard for a period (the current month by default, or the current period of kind)")
    ScorecardAnswer mine(@RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind, Locale locale) {
        return answer(scorecards.mine(Viewers.require(), scorecards.period(period, kind)), locale);
    }

    @GetMapping("/scorecards/reps/{repId}")
    @Operation(operationId = "repScorecard", summary = "A rep's scorecard for a period: a rep sees only their own, a manager their team and below")
    ScorecardAnswer rep(@PathVariable long repId, @RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind,
            Locale locale) {
        return answer(scorecards.rep(Viewers.require(), repId, scorecards.period(period, kind)), locale);
    }

    @GetMapping("/scorecards/teams/{teamId}")
    @Operation(operationId = "teamScorecard", summary = "A team's scorecards (sub-teams included) and their aggregate, best first; not for reps")
    TeamScorecard team(@PathVariable long teamId, @RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind) {
        return scorecards.team(Viewers.require(), teamId, scorecards.period(period, kind));
    }

    @PostMapping("/periods/freeze")
    @Operation(summary = "Close a period that is over: every scored rep's card becomes a snapshot later edits do not change")
    FreezeResult freeze(@RequestBody PeriodBody body) {
        return scorecards.freeze(Viewers.require(), body == null ? null : body.period());
    }

    @PostMapping("/scorecards/reps/{repId}/recalculate")
    @Operation(operationId = "recalculateRepScorecard", summary = "Score a frozen card again from today's records, with a reason (audited)")
    ScorecardAnswer recalculate(@PathVariable long repId, @RequestBody Recalculation body, Locale locale) {
        return answer(scorecards.recalculate(Viewers.require(), repId, body == null ? null : body.period(),
                body == null ? null : body.reason()), locale);
    }

    private ScorecardAnswer answer(RepScorecard card, Locale locale) {
        return new ScorecardAnswer(card, text.explain(card, locale));
    }
}
