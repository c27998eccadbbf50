package dev.fairlead.insights.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.insights.GenerateReportCommand;
import dev.fairlead.insights.Report;
import dev.fairlead.insights.ReportScheduleCommand;
import dev.fairlead.insights.Reports;
import dev.fairlead.org.TeamService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reports page: the reports in the viewer's scope with their PDF and XLSX, a report made now, and (for
 * managers, directors and admins) the teams' schedules and subscribers.
 */
@Controller
class ReportPageController {

    private final Reports reports;
    private final TeamService teams;
    private final FormErrors formErrors;

    ReportPageController(Reports reports, TeamService teams, FormErrors formErrors) {
        this.reports = reports;
        this.teams = teams;
        this.formErrors = formErrors;
    }

    @GetMapping("/insights/reports")
    String list(@RequestParam(required = false) Long teamId, @RequestParam(required = false) PeriodKind kind, Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("reports", reports.list(viewer, teamId, kind, 200));
        boolean maker = viewer.role().managesOrganisation();
        model.addAttribute("maker", maker);
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("company", viewer.seesAll());
        model.addAttribute("schedules", maker ? reports.schedules(viewer) : List.of());
        model.addAttribute("candidates", maker ? reports.candidates(viewer) : List.of());
        model.addAttribute("filterTeam", teamId);
        model.addAttribute("filterKind", kind);
        return "insights/reports";
    }

    @GetMapping("/insights/reports/{id}/download/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Report report = reports.get(Viewers.require(), id);
        return ReportApiController.file(report, reports.file(Viewers.require(), id, true), "pdf", ReportApiController.PDF);
    }

    @GetMapping("/insights/reports/{id}/download/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        Report report = reports.get(Viewers.require(), id);
        return ReportApiController.file(report, reports.file(Viewers.require(), id, false), "xlsx", ReportApiController.XLSX);
    }

    @PostMapping("/insights/reports")
    String generate(@RequestParam(required = false) String teamId, @RequestParam(required = false) PeriodKind kind,
            @RequestParam(required = false) LocalDate on, RedirectAttributes redirect) {
        try {
            Report made = reports.generate(Viewers.require(), new GenerateReportCommand(team(teamId), kind, on, null),
                    LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("made", made.id());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", formErrors.of(e).values()));
        }
        return "redirect:/insights/reports";
    }

    @PostMapping("/insights/report-schedules")
    String schedule(@RequestParam(required = false) String teamId, @RequestParam(required = false) PeriodKind kind,
            @RequestParam(required = false) Integer weekday, @RequestParam(required = false) List<Long> subscriberIds,
            RedirectAttributes redirect) {
        try {
            reports.createSchedule(Viewers.require(), new ReportScheduleCommand(team(teamId), kind,
                    kind == PeriodKind.MONTH ? null : weekday, true, subscriberIds));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", formErrors.of(e).values()));
        }
        return "redirect:/insights/reports";
    }

    @PostMapping("/insights/report-schedules/{id}/delete")
    String deleteSchedule(@PathVariable long id) {
        reports.deleteSchedule(Viewers.require(), id);
        return "redirect:/insights/reports";
    }

    /** The team field: blank or "company" for the company (directors and admins), else a team id. */
    private static Long team(String text) {
        if (text == null || text.isBlank() || "company".equals(text)) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("teamId", "reports.invalid.team");
        }
    }
}
