package dev.fairlead.insights.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.insights.Alert;
import dev.fairlead.insights.AlertRuleCommand;
import dev.fairlead.insights.Alerts;
import dev.fairlead.insights.domain.AlertKind;
import dev.fairlead.org.TeamService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The alerts page: open alerts (or the history), acknowledge and snooze, and the rules of the viewer's teams. */
@Controller
class AlertPageController {

    private final Alerts alerts;
    private final TeamService teams;
    private final MessageSource messages;
    private final FormErrors formErrors;
    private final Clock clock;

    AlertPageController(Alerts alerts, TeamService teams, MessageSource messages, FormErrors formErrors, Clock clock) {
        this.alerts = alerts;
        this.teams = teams;
        this.messages = messages;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/insights/alerts")
    String list(@RequestParam(defaultValue = "false") boolean history, Model model) {
        Viewer viewer = Viewers.require();
        List<Alert> list = alerts.list(viewer, null, history).stream()
                .filter(a -> history || !a.snoozedAt(clock.instant())).toList();
        Map<Long, String> why = new LinkedHashMap<>();
        list.forEach(a -> why.put(a.id(), messages.getMessage("insights.why." + a.kind(), a.figureValues(),
                LocaleContextHolder.getLocale())));
        model.addAttribute("alerts", list);
        model.addAttribute("why", why);
        model.addAttribute("history", history);
        model.addAttribute("rules", alerts.rules(viewer, null));
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("kinds", AlertKind.values());
        return "insights/alerts";
    }

    /** The home page card: the open alerts not snoozed, newest first, at most five. */
    @GetMapping("/insights/home/alerts")
    String home(Model model) {
        List<Alert> open = alerts.list(Viewers.require(), null, false).stream().filter(a -> !a.snoozedAt(clock.instant())).toList();
        model.addAttribute("alerts", open.stream().limit(5).toList());
        model.addAttribute("count", open.size());
        return "insights/home :: alerts";
    }

    @PostMapping("/insights/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        try {
            alerts.acknowledge(Viewers.require(), id);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", formErrors.of(e).values()));
        }
        return "redirect:/insights/alerts";
    }

    @PostMapping("/insights/alerts/{id}/snooze")
    String snooze(@PathVariable long id, @RequestParam(defaultValue = "24") int hours, RedirectAttributes redirect) {
        try {
            alerts.snooze(Viewers.require(), id, clock.instant().plus(Duration.ofHours(Math.max(0, Math.min(hours, 24 * 30)))));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", formErrors.of(e).values()));
        }
        return "redirect:/insights/alerts";
    }

    @PostMapping("/insights/alert-rules")
    String create(@RequestParam(required = false) Long teamId, @RequestParam(required = false) AlertKind kind,
            @RequestParam(required = false) String threshold, @RequestParam(required = false) String threshold2,
            @RequestParam(required = false) String quietFrom, @RequestParam(required = false) String quietUntil,
            RedirectAttributes redirect) {
        try {
            alerts.create(Viewers.require(), new AlertRuleCommand(teamId, kind, decimal("threshold", threshold),
                    decimal("threshold2", threshold2), time("quietFrom", quietFrom), time("quietUntil", quietUntil), true));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", formErrors.of(e).values()));
        }
        return "redirect:/insights/alerts";
    }

    @PostMapping("/insights/alert-rules/{id}/delete")
    String delete(@PathVariable long id) {
        alerts.delete(Viewers.require(), id);
        return "redirect:/insights/alerts";
    }

    private static BigDecimal decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "insights.rule.number");
        }
    }

    private static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "insights.rule.time");
        }
    }
}
