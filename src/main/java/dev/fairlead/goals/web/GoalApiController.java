package dev.fairlead.goals.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewers;
import dev.fairlead.goals.AdjustCommand;
import dev.fairlead.goals.Goal;
import dev.fairlead.goals.GoalCommand;
import dev.fairlead.goals.GoalMetric;
import dev.fairlead.goals.GoalProgress;
import dev.fairlead.goals.GoalService;
import dev.fairlead.goals.GoalTaskPlan;
import dev.fairlead.goals.GoalTasks;
import dev.fairlead.goals.QuotaSuggestionView;
import dev.fairlead.goals.SplitCommand;
import dev.fairlead.goals.SplitPlan;
import dev.fairlead.goals.TerritoryPotential;
import dev.fairlead.goals.TerritoryPotentialService;
import dev.fairlead.goals.TrendPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/goals")
@Tag(name = "Goals", description = "Goals and quotas: SMART goals, decomposition, suggested quotas, progress against pace")
class GoalApiController {

    private final GoalService goals;
    private final GoalTasks goalTasks;
    private final TerritoryPotentialService potentials;

    GoalApiController(GoalService goals, GoalTasks goalTasks, TerritoryPotentialService potentials) {
        this.goals = goals;
        this.goalTasks = goalTasks;
        this.potentials = potentials;
    }

    @GetMapping
    @Operation(operationId = "listGoalRoots", summary = "The tops of the goal tree the caller sees, overlapping a period (e.g. 2026), with progress")
    List<GoalProgress> roots(@RequestParam(required = false) String period, @RequestParam(required = false) GoalMetric metric) {
        return goals.roots(Viewers.require(), period(period), metric);
    }

    @GetMapping("/metrics")
    @Operation(summary = "Metrics with a source of actuals in this installation")
    List<GoalMetric> metrics() {
        return goals.availableMetrics();
    }

    @GetMapping("/mine")
    @Operation(operationId = "myGoals", summary = "The caller's goals running today (their rep's, or owned by them) with progress")
    List<GoalProgress> mine() {
        return goals.mine(Viewers.require());
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Goals running today in a team's subtree, most at risk first")
    List<GoalProgress> dashboard(@RequestParam(required = false) Long teamId, @RequestParam(required = false) PeriodKind kind) {
        return goals.dashboard(Viewers.require(), teamId, kind);
    }

    @Operation(operationId = "getGoal")
    @GetMapping("/{id}")
    GoalProgress get(@PathVariable long id) {
        return goals.progress(Viewers.require(), id);
    }

    @Operation(operationId = "listGoalChildren")
    @GetMapping("/{id}/children")
    List<GoalProgress> children(@PathVariable long id) {
        return goals.children(Viewers.require(), id);
    }

    @GetMapping("/{id}/trend")
    @Operation(operationId = "goalTrend", summary = "Running actual through the period next to linear pace")
    List<TrendPoint> trend(@PathVariable long id) {
        return goals.trend(Viewers.require(), id);
    }

    @GetMapping("/{id}/suggestions")
    @Operation(operationId = "goalSuggestions", summary = "Suggested quotas for the goal's sub-teams and reps, with the history, pipeline and potential behind them")
    List<QuotaSuggestionView> suggestions(@PathVariable long id) {
        return goals.suggestions(Viewers.require(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createGoal", summary = "Create a goal; the SMART check refuses one without metric, number, owner or period")
    Goal create(@RequestBody GoalCommand cmd) {
        return goals.create(Viewers.require(), cmd);
    }

    @PostMapping("/{id}/split")
    @Operation(operationId = "splitGoal", summary = "Split down the org tree (ORG) or the calendar (CALENDAR); locked children are kept; dryRun previews")
    SplitPlan split(@PathVariable long id, @RequestBody SplitCommand cmd) {
        return goals.split(Viewers.require(), id, cmd);
    }

    @PostMapping("/{id}/adjust")
    @Operation(operationId = "adjustGoal", summary = "Set the target by hand with a reason (audited); a child is locked against re-splits")
    Goal adjust(@PathVariable long id, @RequestBody AdjustCommand cmd) {
        return goals.adjust(Viewers.require(), id, cmd);
    }

    @Operation(operationId = "unlockGoal")
    @PostMapping("/{id}/unlock")
    Goal unlock(@PathVariable long id, @RequestParam(required = false) String reason) {
        return goals.unlock(Viewers.require(), id, reason);
    }

    @PostMapping("/{id}/tasks")
    @Operation(operationId = "createGoalTasks", summary = "Generate one task per remaining week for the goal's rep (or each rep with a child goal), with that week's share of what is missing")
    GoalTaskPlan.Result tasks(@PathVariable long id, @RequestBody(required = false) GoalTaskPlan plan) {
        return goalTasks.generate(Viewers.require(), id, plan == null ? new GoalTaskPlan(null, null) : plan);
    }

    @GetMapping("/potentials")
    Map<String, BigDecimal> potentials() {
        return potentials.potentials();
    }

    @PutMapping("/potentials")
    @Operation(summary = "Set territory potentials (kind PROVINCE, CITY or POSTAL_PREFIX; code; potential)")
    Map<String, BigDecimal> setPotentials(@RequestBody List<TerritoryPotential> list) {
        return potentials.setAll(Viewers.require(), list);
    }

    private static Period period(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        try {
            return Period.parse(label);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("period", "goal.period.invalid", label);
        }
    }
}
