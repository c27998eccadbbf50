package dev.fairlead.insights.web;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewers;
import dev.fairlead.insights.DashboardFilter;
import dev.fairlead.insights.Dashboards;
import dev.fairlead.insights.Figures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each dashboard figure as JSON, for the caller's data scope: period WEEK, MONTH (default) or QUARTER containing {@code on}. */
@RestController
@RequestMapping("/api/insights")
@Tag(name = "Insights", description = "Dashboard figures: progress and pace, funnel, lead aging, workload, fairness, SLA, pool flows")
class InsightsApiController {

    private final Dashboards dashboards;

    InsightsApiController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    static DashboardFilter filter(PeriodKind period, LocalDate on, Long teamId) {
        return new DashboardFilter(period, on, teamId);
    }

    @GetMapping("/progress")
    @Operation(operationId = "insightsProgress", summary = "Goals running in the period with pace: actual, target, elapsed share, linear projection, gap and gap per working day left")
    Figures.Progress progress(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId) {
        return dashboards.progress(Viewers.require(), filter(period, on, teamId));
    }

    @GetMapping("/funnel")
    @Operation(operationId = "insightsFunnel", summary = "Deals created in the period by stage reached, with stage-to-stage conversion")
    Figures.Funnel funnel(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId) {
        return dashboards.funnel(Viewers.require(), filter(period, on, teamId));
    }

    @GetMapping("/lead-aging")
    @Operation(summary = "Open leads by owner and days since last touch (now)")
    Figures.Aging aging(@RequestParam(required = false) Long teamId) {
        return dashboards.aging(Viewers.require(), filter(null, null, teamId));
    }

    @GetMapping("/workload")
    @Operation(summary = "Open leads per rep against their open-lead capacity (now)")
    Figures.Workload workload(@RequestParam(required = false) Long teamId) {
        return dashboards.workload(Viewers.require(), filter(null, null, teamId));
    }

    @GetMapping("/fairness")
    @Operation(summary = "Leads and expected value each rep received in the period, Gini within tier, max/min ratio")
    Figures.Fairness fairness(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId) {
        return dashboards.fairness(Viewers.require(), filter(period, on, teamId));
    }

    @GetMapping("/sla")
    @Operation(summary = "First-contact SLA timers started in the period: met, breached, running and compliance by team and rep")
    Figures.Sla sla(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId) {
        return dashboards.sla(Viewers.require(), filter(period, on, teamId));
    }

    @GetMapping("/pool-flows")
    @Operation(summary = "Leads into the pools by reason and out by claim, per week of the period")
    Figures.PoolFlows poolFlows(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId) {
        return dashboards.poolFlows(Viewers.require(), filter(period, on, teamId));
    }
}
