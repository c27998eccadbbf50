package dev.fairlead.performance.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.ChartJson;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.performance.FreezeResult;
import dev.fairlead.performance.RepScorecard;
import dev.fairlead.performance.SchemeService;
import dev.fairlead.performance.ScorecardService;
import dev.fairlead.performance.TeamScorecard;
import dev.fairlead.performance.domain.DimensionScore;
import dev.fairlead.performance.domain.Metric;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My scorecard (reps), a rep's scorecard (their managers), team scorecards (managers, directors, admins, finance). */
@Controller
class ScorecardPageController {

    private final ScorecardService scorecards;
    private final ScorecardText text;
    private final TeamService teams;
    private final ChartJson chartJson;
    private final FormErrors formErrors;
    private final dev.fairlead.performance.PipService pips;

    ScorecardPageController(ScorecardService scorecards, ScorecardText text, TeamService teams, ChartJson chartJson, FormErrors formErrors,
            dev.fairlead.performance.PipService pips) {
        this.pips = pips;
        this.scorecards = scorecards;
        this.text = text;
        this.teams = teams;
        this.chartJson = chartJson;
        this.formErrors = formErrors;
    }

    @GetMapping("/performance")
    String mine(@RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind, Model model, Locale locale) {
        Viewer viewer = Viewers.require();
        Period p = period(period, kind, model);
        model.addAttribute("mine", true);
        if (viewer.repId() == null) {
            model.addAttribute("noRep", true);
            return "performance/scorecard";
        }
        pips.running(viewer, viewer.repId()).ifPresent(pip -> model.addAttribute("pip", pip));
        return card(scorecards.find(viewer, viewer.repId(), p), model, locale);
    }

    @GetMapping("/performance/reps/{repId}")
    String rep(@PathVariable long repId, @RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind,
            Model model, Locale locale) {
        Period p = period(period, kind, model);
        model.addAttribute("mine", false);
        model.addAttribute("repId", repId);
        return card(scorecards.find(Viewers.require(), repId, p), model, locale);
    }

    @GetMapping("/performance/team")
    String team(@RequestParam(required = false) Long teamId, @RequestParam(required = false) String period,
            @RequestParam(required = false) PeriodKind kind, @RequestParam(required = false) String sort, Model model) {
        Viewer viewer = Viewers.require();
        Period p = period(period, kind, model);
        List<Team> visible = teams.list(viewer, false);
        Long chosen = teamId != null ? teamId : viewer.teamId() != null ? viewer.teamId()
                : visible.stream().filter(t -> t.parentId() == null).map(Team::id).findFirst().orElse(null);
        model.addAttribute("teams", visible);
        model.addAttribute("teamId", chosen);
        model.addAttribute("sort", sort == null ? "score" : sort);
        model.addAttribute("canFreeze", viewer.role().setsCompanyRules());
        if (chosen != null) {
            TeamScorecard team = scorecards.team(viewer, chosen, p);
            List<RepScorecard> rows = new ArrayList<>(team.reps());
            rows.sort(order(sort));
            model.addAttribute("team", team);
            model.addAttribute("rows", rows);
            Map<Long, Map<Metric, BigDecimal>> points = new LinkedHashMap<>();
            rows.forEach(r -> {
                Map<Metric, BigDecimal> byMetric = new EnumMap<>(Metric.class);
                r.card().dimensions().forEach(d -> byMetric.put(d.metric(), d.points()));
                points.put(r.repId(), byMetric);
            });
            model.addAttribute("points", points);
            model.addAttribute("metrics", rows.stream().flatMap(r -> r.card().dimensions().stream()).map(DimensionScore::metric).distinct()
                    .toList());
        }
        return "performance/team";
    }

    @PostMapping("/performance/team/freeze")
    String freeze(@RequestParam(required = false) String period, @RequestParam(required = false) Long teamId, RedirectAttributes redirect) {
        try {
            FreezeResult result = scorecards.freeze(Viewers.require(), period);
            redirect.addFlashAttribute("freezeResult", result);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("period", e.getMessage()));
        }
        redirect.addAttribute("period", period);
        if (teamId != null) {
            redirect.addAttribute("teamId", teamId);
        }
        return "redirect:/performance/team";
    }

    private String card(Optional<RepScorecard> card, Model model, Locale locale) {
        card.ifPresent(c -> {
            model.addAttribute("card", c);
            model.addAttribute("words", text.explain(c, locale));
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("labels", c.card().dimensions().stream().map(d -> text.metric(d.metric(), locale)).toList());
            chart.put("series", List.of(
                    Map.of("name", text(locale, "performance.points"), "data", c.card().dimensions().stream().map(DimensionScore::points).toList()),
                    Map.of("name", text(locale, "performance.chart.max"), "data", c.card().dimensions().stream().map(DimensionScore::weight).toList())));
            model.addAttribute("chartJson", chartJson.of(chart));
        });
        return "performance/scorecard";
    }

    private String text(Locale locale, String key) {
        return text.message(key, locale);
    }

    private Period period(String period, PeriodKind kind, Model model) {
        Period p;
        try {
            p = scorecards.period(period, kind);
        } catch (InvalidInputException e) {
            p = scorecards.period(null, null);
            model.addAttribute("errors", formErrors.of(e));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("period", p);
        model.addAttribute("periods", recent(p));
        model.addAttribute("kinds", SchemeService.KINDS.stream().sorted(Comparator.reverseOrder()).toList());
        return p;
    }

    /** The period and the five before it, for the period picker. */
    private static List<Period> recent(Period p) {
        List<Period> list = new ArrayList<>();
        Period cursor = p.isWhole() ? p : Period.of(p.kind(), p.start());
        for (int i = 0; i < 6; i++) {
            list.add(cursor);
            cursor = cursor.previous();
        }
        return list;
    }

    private static Comparator<RepScorecard> order(String sort) {
        Comparator<RepScorecard> byScore = Comparator.comparing((RepScorecard r) -> r.card().total()).reversed();
        if (sort == null || sort.equals("score")) {
            return byScore.thenComparing(RepScorecard::repName);
        }
        if (sort.equals("name")) {
            return Comparator.comparing(RepScorecard::repName);
        }
        if (sort.equals("team")) {
            return Comparator.comparing(RepScorecard::teamName).thenComparing(byScore);
        }
        return Comparator.comparing((RepScorecard r) -> r.card().dimensions().stream().filter(d -> d.metric().name().equals(sort))
                .map(DimensionScore::points).findFirst().orElse(java.math.BigDecimal.ZERO)).reversed().thenComparing(RepScorecard::repName);
    }
}
