package dev.fairlead.insights.web;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.ChartJson;
import dev.fairlead.insights.DashboardFilter;
import dev.fairlead.insights.Dashboards;
import dev.fairlead.insights.Figures;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard page: every figure as a chart with the same figures as a table beside it, each row linking to its records. */
@Controller
class InsightsPageController {

    private final Dashboards dashboards;
    private final TeamService teams;
    private final ChartJson charts;
    private final MessageSource messages;

    InsightsPageController(Dashboards dashboards, TeamService teams, ChartJson charts, MessageSource messages) {
        this.dashboards = dashboards;
        this.teams = teams;
        this.charts = charts;
        this.messages = messages;
    }

    @GetMapping("/insights")
    String dashboard(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId, Model model) {
        Viewer viewer = Viewers.require();
        DashboardFilter filter = new DashboardFilter(period, on, teamId);
        Figures.Progress progress = dashboards.progress(viewer, filter);
        Figures.Funnel funnel = dashboards.funnel(viewer, filter);
        Figures.Aging aging = dashboards.aging(viewer, filter);
        Figures.Workload workload = dashboards.workload(viewer, filter);
        Figures.Fairness fairness = dashboards.fairness(viewer, filter);
        Figures.Sla sla = dashboards.sla(viewer, filter);
        Figures.PoolFlows pool = dashboards.poolFlows(viewer, filter);
        model.addAttribute("filter", filter);
        model.addAttribute("periodLabel", filter.period(dashboards.today()).label());
        model.addAttribute("teams", viewer.isRep() ? List.<Team>of() : teams.list(viewer, false));
        model.addAttribute("progress", progress);
        model.addAttribute("funnel", funnel);
        model.addAttribute("aging", aging);
        model.addAttribute("workload", workload);
        model.addAttribute("fairness", fairness);
        model.addAttribute("sla", sla);
        model.addAttribute("pool", pool);
        model.addAttribute("slaReps", sla.rows().stream().filter(r -> r.repId() != null).toList());
        model.addAttribute("slaTeams", sla.rows().stream().filter(r -> r.repId() == null).toList());
        boolean zh = Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("funnelChartJson", charts.of(chart(funnel.stages().stream().map(s -> zh ? s.nameZh() : s.nameEn()).toList(),
                series(t("insights.funnel.reached"), funnel.stages().stream().map(Figures.FunnelStage::reached).toList(), null))));
        List<String> agingReps = aging.reps().stream().map(Figures.AgingRow::repName).toList();
        model.addAttribute("agingChartJson", charts.of(chart(agingReps,
                series("0–2", aging.reps().stream().map(Figures.AgingRow::days0to2).toList(), "a"),
                series("3–6", aging.reps().stream().map(Figures.AgingRow::days3to6).toList(), "a"),
                series("7–13", aging.reps().stream().map(Figures.AgingRow::days7to13).toList(), "a"),
                series("14–29", aging.reps().stream().map(Figures.AgingRow::days14to29).toList(), "a"),
                series("30+", aging.reps().stream().map(Figures.AgingRow::days30plus).toList(), "a"))));
        model.addAttribute("workloadChartJson", charts.of(chart(workload.reps().stream().map(Figures.LoadRow::repName).toList(),
                series(t("insights.workload.open"), workload.reps().stream().map(Figures.LoadRow::open).toList(), null),
                series(t("insights.workload.capacity"), workload.reps().stream().map(r -> (long) r.capacity()).toList(), null))));
        model.addAttribute("fairnessChartJson", charts.of(chart(fairness.reps().stream().map(Figures.FairnessRow::repName).toList(),
                series(t("insights.fairness.leads"), fairness.reps().stream().map(Figures.FairnessRow::leads).toList(), null))));
        List<Figures.SlaRow> slaReps = sla.rows().stream().filter(r -> r.repId() != null).toList();
        model.addAttribute("slaChartJson", charts.of(chart(slaReps.stream().map(Figures.SlaRow::repName).toList(),
                series(t("insights.sla.met"), slaReps.stream().map(Figures.SlaRow::met).toList(), "s"),
                series(t("insights.sla.breached"), slaReps.stream().map(Figures.SlaRow::breached).toList(), "s"))));
        model.addAttribute("poolChartJson", charts.of(chart(pool.weeks().stream().map(w -> w.week().toString()).toList(),
                series(t("insights.pool.in"), pool.weeks().stream().map(Figures.PoolWeek::inTotal).toList(), null),
                series(t("insights.pool.out"), pool.weeks().stream().map(Figures.PoolWeek::outClaimed).toList(), null))));
        return "insights/dashboard";
    }

    private String t(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    @SafeVarargs
    private static Map<String, Object> chart(List<String> labels, Map<String, Object>... series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("series", labels.isEmpty() ? List.of() : List.of(series));
        chart.put("integers", true);
        return chart;
    }

    private static Map<String, Object> series(String name, List<Long> data, String stack) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        if (stack != null) {
            s.put("stack", stack);
        }
        return s;
    }
}
