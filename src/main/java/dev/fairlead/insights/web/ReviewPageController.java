package dev.fairlead.insights.web;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.ChartJson;
import dev.fairlead.insights.Review;
import dev.fairlead.insights.RuleEffectiveness;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The review page (复盘): rule effectiveness per rule-set version and rule, a bar chart per version, each figure linking to its leads. */
@Controller
class ReviewPageController {

    private final RuleEffectiveness effectiveness;
    private final TeamService teams;
    private final ChartJson charts;
    private final MessageSource messages;

    ReviewPageController(RuleEffectiveness effectiveness, TeamService teams, ChartJson charts, MessageSource messages) {
        this.effectiveness = effectiveness;
        this.teams = teams;
        this.charts = charts;
        this.messages = messages;
    }

    @GetMapping("/insights/review")
    String review(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId, Model model) {
        Viewer viewer = Viewers.require();
        Review.Filter filter = new Review.Filter(period, on, teamId);
        Review.Effectiveness result = effectiveness.effectiveness(viewer, filter);
        List<Review.RuleRow> versions = result.versions();
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("teams", viewer.isRep() ? List.<Team>of() : teams.list(viewer, false));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", versions.stream().map(v -> "v" + v.version()).toList());
        chart.put("yName", "%");
        chart.put("series", versions.isEmpty() ? List.of() : List.of(
                series(t("insights.review.toDeal"), versions, Review.RuleRow::conversionToDeal),
                series(t("insights.review.toWon"), versions, Review.RuleRow::conversionToWon),
                series(t("insights.review.slaKept"), versions, Review.RuleRow::slaKept),
                series(t("insights.review.pooled"), versions, Review.RuleRow::sharePooled)));
        model.addAttribute("versionChartJson", charts.of(chart));
        return "insights/review";
    }

    @GetMapping("/insights/review/leads")
    String leads(@RequestParam int version, @RequestParam(required = false) String rule,
            @RequestParam(required = false) Review.DrillFigure figure, @RequestParam(required = false) PeriodKind period,
            @RequestParam(required = false) LocalDate on, @RequestParam(required = false) Long teamId, Model model) {
        Review.Filter filter = new Review.Filter(period, on, teamId);
        model.addAttribute("filter", filter);
        model.addAttribute("result", effectiveness.leads(Viewers.require(), filter, version, rule, figure));
        return "insights/review-leads";
    }

    private static Map<String, Object> series(String name, List<Review.RuleRow> rows, Function<Review.RuleRow, Review.Figure> figure) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", rows.stream().map(r -> {
            Double v = figure.apply(r).value();
            return v == null ? null : Math.round(v * 1000) / 10.0;
        }).toList());
        return s;
    }

    private String t(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
