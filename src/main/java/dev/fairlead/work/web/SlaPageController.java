package dev.fairlead.work.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.ChartJson;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.SlaStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SlaPageController {

    /** How far back the breach chart goes. */
    static final int BREACH_DAYS = 30;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("MM-dd");

    private final SlaService sla;
    private final Clock clock;

    private final org.springframework.context.MessageSource messages;

    private final ChartJson chartJson;

    SlaPageController(SlaService sla, Clock clock, org.springframework.context.MessageSource messages, ChartJson chartJson) {
        this.sla = sla;
        this.chartJson = chartJson;
        this.clock = clock;
        this.messages = messages;
    }

    /** The team's first-contact clocks: running (time left), breached, and the last week's met ones. */
    @GetMapping("/sla")
    String team(@RequestParam(required = false) SlaStatus status, Model model) {
        model.addAttribute("timers", sla.team(Viewers.require(), status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", SlaStatus.values());
        model.addAttribute("policies", sla.policies());
        model.addAttribute("now", clock.instant());
        List<SlaService.DailyBreaches> breaches = sla.breachesPerDay(Viewers.require(), BREACH_DAYS);
        model.addAttribute("breaches", breaches);
        model.addAttribute("breachChartJson", chartJson.of(breachChart(breaches)));
        return "work/sla";
    }

    /** Breaches per day as the SLA page's chart draws them (see {@code /js/charts.js}). */
    private Map<String, Object> breachChart(List<SlaService.DailyBreaches> breaches) {
        String name = messages.getMessage("work.sla.chart.breaches", null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", "bar");
        series.put("data", breaches.stream().map(SlaService.DailyBreaches::breaches).toList());
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", breaches.stream().map(b -> b.day().format(DAY)).toList());
        chart.put("series", List.of(series));
        chart.put("integers", true);
        return chart;
    }
}
