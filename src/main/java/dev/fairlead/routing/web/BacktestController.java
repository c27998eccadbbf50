package dev.fairlead.routing.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.routing.BacktestRequest;
import dev.fairlead.routing.BacktestRun;
import dev.fairlead.routing.BacktestService;
import dev.fairlead.routing.RuleSetService;
import dev.fairlead.routing.domain.BacktestResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Backtests in the browser: form, htmx progress bar, side-by-side results with a chart. */
@Controller
class BacktestController {

    private final BacktestService backtests;
    private final RuleSetService ruleSets;
    private final FormErrors formErrors;
    private final JsonMapper json;
    private final Clock clock;

    BacktestController(BacktestService backtests, RuleSetService ruleSets, FormErrors formErrors, JsonMapper json, Clock clock) {
        this.backtests = backtests;
        this.ruleSets = ruleSets;
        this.formErrors = formErrors;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/routing/backtests/new")
    String form(@RequestParam(required = false) Long ruleSetId, Model model) {
        LocalDate today = LocalDate.now(clock);
        return form(model, ruleSetId, today.minusDays(30), today, Map.of());
    }

    @PostMapping("/routing/backtests")
    String start(@RequestParam(required = false) Long ruleSetId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        try {
            BacktestRun run = backtests.start(Viewers.require(), new BacktestRequest(ruleSetId, from, to));
            return "redirect:/routing/backtests/" + run.id();
        } catch (InvalidInputException e) {
            return form(model, ruleSetId, from, to, formErrors.of(e));
        }
    }

    @GetMapping("/routing/backtests/{id}")
    String page(@PathVariable long id, Model model) {
        fill(model, backtests.get(Viewers.require(), id));
        return "routing/backtest";
    }

    @GetMapping("/routing/backtests/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        fill(model, backtests.get(Viewers.require(), id));
        return "routing/backtest :: progress";
    }

    private void fill(Model model, BacktestRun run) {
        model.addAttribute("run", run);
        model.addAttribute("candidateSet", ruleSets.get(run.ruleSetId()));
        model.addAttribute("activeSet", run.activeRuleSetId() == null ? null : ruleSets.get(run.activeRuleSetId()));
        if (run.candidate() != null) {
            model.addAttribute("chart", json.writeValueAsString(chart(run.candidate(), run.active())));
        }
    }

    /** Rep names with leads and expected value on both sides, for the ECharts bar chart. */
    private static Map<String, Object> chart(BacktestResult candidate, BacktestResult active) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("reps", candidate.reps().stream().map(BacktestResult.RepOutcome::name).toList());
        chart.put("candidateLeads", candidate.reps().stream().map(BacktestResult.RepOutcome::leads).toList());
        chart.put("activeLeads", active.reps().stream().map(BacktestResult.RepOutcome::leads).toList());
        chart.put("candidateValue", candidate.reps().stream().map(r -> Math.round(r.expectedValue())).toList());
        chart.put("activeValue", active.reps().stream().map(r -> Math.round(r.expectedValue())).toList());
        return chart;
    }

    private String form(Model model, Long ruleSetId, LocalDate from, LocalDate to, Map<String, String> errors) {
        model.addAttribute("ruleSets", ruleSets.list());
        model.addAttribute("ruleSetId", ruleSetId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        return "routing/backtest-form";
    }
}
