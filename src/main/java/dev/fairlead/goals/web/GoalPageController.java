package dev.fairlead.goals.web;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.goals.AdjustCommand;
import dev.fairlead.goals.Goal;
import dev.fairlead.goals.GoalCommand;
import dev.fairlead.goals.GoalMetric;
import dev.fairlead.goals.GoalProgress;
import dev.fairlead.goals.GoalService;
import dev.fairlead.goals.GoalTaskPlan;
import dev.fairlead.goals.GoalTasks;
import dev.fairlead.goals.TerritoryPotential;
import dev.fairlead.goals.TerritoryPotentialService;
import dev.fairlead.work.TaskService;
import dev.fairlead.goals.SplitAxis;
import dev.fairlead.goals.SplitCommand;
import dev.fairlead.goals.SplitMethod;
import dev.fairlead.goals.TrendPoint;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class GoalPageController {

    private final dev.fairlead.common.web.ChartJson chartJson;
    private final GoalService goals;
    private final GoalTasks goalTasks;
    private final TaskService tasks;
    private final TeamService teams;
    private final RepService reps;
    private final AuditTrail audit;
    private final FormErrors formErrors;
    private final Clock clock;
    private final TerritoryPotentialService potentials;

    GoalPageController(GoalService goals, GoalTasks goalTasks, TaskService tasks, TeamService teams, RepService reps, AuditTrail audit,
            FormErrors formErrors, Clock clock, TerritoryPotentialService potentials, dev.fairlead.common.web.ChartJson chartJson) {
        this.potentials = potentials;
        this.chartJson = chartJson;
        this.goals = goals;
        this.goalTasks = goalTasks;
        this.tasks = tasks;
        this.teams = teams;
        this.reps = reps;
        this.audit = audit;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/goals")
    String tree(@RequestParam(required = false) String period, Model model) {
        Viewer viewer = Viewers.require();
        String label = period == null || period.isBlank() ? String.valueOf(LocalDate.now(clock).getYear()) : period.trim();
        Period within;
        try {
            within = Period.parse(label);
        } catch (IllegalArgumentException e) {
            within = Period.year(LocalDate.now(clock).getYear());
            label = within.label();
        }
        model.addAttribute("roots", goals.roots(viewer, within, null));
        model.addAttribute("period", label);
        formModel(viewer, model);
        return "goals/tree";
    }

    @GetMapping("/goals/{id}/rows")
    String rows(@PathVariable long id, @RequestParam(defaultValue = "1") int depth, Model model) {
        model.addAttribute("rows", goals.children(Viewers.require(), id));
        model.addAttribute("depth", depth);
        return "goals/tree :: rows";
    }

    @PostMapping("/goals")
    String create(@RequestParam(required = false) GoalMetric metric, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String period, @RequestParam(required = false) BigDecimal target,
            @RequestParam(required = false) BigDecimal base, @RequestParam(required = false) BigDecimal stretch,
            Model model, RedirectAttributes redirect) {
        Viewer viewer = Viewers.require();
        Long teamId = unit != null && unit.startsWith("team:") ? Long.valueOf(unit.substring(5)) : null;
        Long repId = unit != null && unit.startsWith("rep:") ? Long.valueOf(unit.substring(4)) : null;
        try {
            Goal goal = goals.create(viewer, new GoalCommand(metric, teamId, repId, period, target, base, stretch, null));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/goals/" + goal.id();
        } catch (InvalidInputException e) {
            Map<String, String> errors = formErrors.of(e);
            model.addAttribute("errors", errors);
            model.addAttribute("form", Map.of("metric", metric == null ? "" : metric.name(), "unit", unit == null ? "" : unit,
                    "period", period == null ? "" : period, "target", target == null ? "" : target.toPlainString()));
            return tree(period, model);
        }
    }

    @GetMapping("/goals/{id}")
    String detail(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        GoalProgress progress = goals.progress(viewer, id);
        Goal goal = progress.goal();
        model.addAttribute("p", progress);
        model.addAttribute("children", goals.children(viewer, id));
        List<TrendPoint> trend = goals.trend(viewer, id);
        model.addAttribute("trend", trend);
        model.addAttribute("trendChartJson", chartJson.of(trendChart(progress, trend)));
        model.addAttribute("history", audit.search(viewer, AuditFilter.forEntity("goal", id)).items());
        model.addAttribute("parent", goal.parentId() == null ? null : parentIfVisible(viewer, goal.parentId()));
        model.addAttribute("axes", SplitAxis.values());
        model.addAttribute("methods", SplitMethod.values());
        model.addAttribute("granularities", finer(goal.period().kind()));
        model.addAttribute("canPlan", viewer.role().managesOrganisation());
        model.addAttribute("taskTypes", tasks.types());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "goals/detail";
    }

    @PostMapping("/goals/{id}/split")
    String split(@PathVariable long id, @RequestParam(required = false) SplitAxis axis,
            @RequestParam(required = false) SplitMethod method, @RequestParam(required = false) PeriodKind granularity,
            @RequestParam(required = false) String weights, @RequestParam(required = false) String seasonality,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            goals.split(Viewers.require(), id, new SplitCommand(axis, method, granularity, weights(weights),
                    seasonality(seasonality), reason, false));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/goals/" + id;
    }

    @PostMapping("/goals/{id}/adjust")
    String adjust(@PathVariable long id, @RequestParam(required = false) BigDecimal target,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Long back, RedirectAttributes redirect) {
        try {
            goals.adjust(Viewers.require(), id, new AdjustCommand(target, reason, null));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            formErrors.of(e).forEach((field, message) -> errors.put("adjust-" + id + "-" + field, message));
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/goals/" + (back != null ? back : id);
    }

    @PostMapping("/goals/{id}/tasks")
    String tasks(@PathVariable long id, @RequestParam(required = false) String typeCode, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            GoalTaskPlan.Result result = goalTasks.generate(Viewers.require(), id, new GoalTaskPlan(typeCode, reason));
            redirect.addFlashAttribute("tasksCreated", result.taskIds().size());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/goals/" + id;
    }

    @PostMapping("/goals/{id}/unlock")
    String unlock(@PathVariable long id, @RequestParam(required = false) Long back, RedirectAttributes redirect) {
        goals.unlock(Viewers.require(), id, null);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/goals/" + (back != null ? back : id);
    }

    @GetMapping("/goals/{id}/suggestions")
    String suggestions(@PathVariable long id, Model model) {
        try {
            model.addAttribute("suggestions", goals.suggestions(Viewers.require(), id));
        } catch (InvalidInputException e) {
            model.addAttribute("suggestions", List.of());
        }
        model.addAttribute("goalId", id);
        return "goals/detail :: suggestions";
    }

    @GetMapping("/goals/mine")
    String mine(Model model) {
        Viewer viewer = Viewers.require();
        List<GoalProgress> mine = goals.mine(viewer);
        model.addAttribute("goals", mine);
        model.addAttribute("charts", charts(viewer, mine));
        return "goals/mine";
    }

    @GetMapping("/goals/team")
    String team(@RequestParam(required = false) Long teamId, @RequestParam(required = false) PeriodKind kind, Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("goals", goals.dashboard(viewer, teamId, kind));
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("teamId", teamId);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", PeriodKind.values());
        return "goals/team";
    }

    @GetMapping("/goals/potentials")
    String potentials(Model model) {
        model.addAttribute("potentials", potentials.potentials());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "goals/potentials";
    }

    @PostMapping("/goals/potentials")
    String setPotential(@RequestParam(required = false) String kind, @RequestParam(required = false) String code,
            @RequestParam(required = false) BigDecimal potential, RedirectAttributes redirect) {
        try {
            potentials.set(Viewers.require(), new TerritoryPotential(kind, code, potential));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/goals/potentials";
    }

    private void formModel(Viewer viewer, Model model) {
        model.addAttribute("metrics", goals.availableMetrics());
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("reps", reps.list(viewer, new RepQuery(null, null, null, true)));
        model.addAttribute("canPlan", viewer.role().managesOrganisation());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
    }

    /** The goal page's burn-up: the running actual per piece of the period against the linear pace line. */
    private static Map<String, Object> trendChart(GoalProgress p, List<TrendPoint> trend) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("percent", p.percent());
        chart.put("labels", trend.stream().map(TrendPoint::label).toList());
        chart.put("actual", trend.stream().map(t -> t.actual() == null ? null : t.actual().doubleValue()).toList());
        chart.put("pace", trend.stream().map(t -> t.pace().doubleValue()).toList());
        return chart;
    }

    private List<Map<String, Object>> charts(Viewer viewer, List<GoalProgress> list) {
        List<Map<String, Object>> charts = new ArrayList<>();
        for (GoalProgress p : list) {
            List<TrendPoint> trend = goals.trend(viewer, p.goal().id());
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("id", p.goal().id());
            chart.put("percent", p.percent());
            chart.put("elapsed", p.elapsedPercent());
            chart.put("labels", trend.stream().map(TrendPoint::label).toList());
            chart.put("actual", trend.stream().map(t -> t.actual() == null ? null : t.actual().doubleValue()).toList());
            chart.put("pace", trend.stream().map(t -> t.pace().doubleValue()).toList());
            charts.add(chart);
        }
        return charts;
    }

    private Goal parentIfVisible(Viewer viewer, long parentId) {
        try {
            return goals.get(viewer, parentId);
        } catch (dev.fairlead.common.NotFoundException e) {
            return null;
        }
    }

    private static List<PeriodKind> finer(PeriodKind kind) {
        return java.util.Arrays.stream(PeriodKind.values()).filter(k -> k.finerThan(kind)).toList();
    }

    /** "team:12 = 3" per line (or comma separated) → weights by child key. */
    static Map<String, BigDecimal> weights(String text) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        if (text == null) {
            return weights;
        }
        for (String part : text.split("[\\n,;]")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                try {
                    weights.put(part.substring(0, eq).trim(), new BigDecimal(part.substring(eq + 1).trim()));
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of("weights", "goal.split.weightsFormat");
                }
            }
        }
        return weights;
    }

    /** Twelve numbers separated by commas or spaces, or nothing (take last year's actuals). */
    static List<BigDecimal> seasonality(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<BigDecimal> values = new ArrayList<>();
        for (String part : text.trim().split("[\\s,;]+")) {
            try {
                values.add(new BigDecimal(part));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("seasonality", "goal.split.seasonality");
            }
        }
        return values;
    }
}
