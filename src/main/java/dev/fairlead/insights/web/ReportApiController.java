package dev.fairlead.insights.web;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewers;
import dev.fairlead.insights.GenerateReportCommand;
import dev.fairlead.insights.Report;
import dev.fairlead.insights.ReportSchedule;
import dev.fairlead.insights.ReportScheduleCommand;
import dev.fairlead.insights.Reports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled and on-demand reports (周报 / 月报): list, download as PDF or XLSX, make one now, and the teams' schedules. */
@RestController
@RequestMapping("/api/insights")
@Tag(name = "Reports", description = "Weekly and monthly reports per team and for the company, as PDF and XLSX, and their schedules")
class ReportApiController {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Reports reports;

    ReportApiController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/reports")
    @Operation(operationId = "listReports", summary = "Reports in the caller's scope, newest period first (managers: their team's and below; directors, admins, finance: all)")
    List<Report> list(@RequestParam(required = false) Long teamId, @RequestParam(required = false) PeriodKind kind,
            @RequestParam(required = false) Integer limit) {
        return reports.list(Viewers.require(), teamId, kind, limit);
    }

    @GetMapping("/reports/{id}")
    @Operation(operationId = "getReport", summary = "One report's description")
    Report get(@PathVariable long id) {
        return reports.get(Viewers.require(), id);
    }

    @GetMapping("/reports/{id}/pdf")
    @Operation(operationId = "downloadReportPdf", summary = "The report as PDF (Chinese printed with an embedded font)")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return file(reports.get(Viewers.require(), id), reports.file(Viewers.require(), id, true), "pdf", PDF);
    }

    @GetMapping("/reports/{id}/xlsx")
    @Operation(operationId = "downloadReportXlsx", summary = "The report as an XLSX workbook")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return file(reports.get(Viewers.require(), id), reports.file(Viewers.require(), id, false), "xlsx", XLSX);
    }

    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "generateReport", summary = "Make a report now (managers for their teams, directors and admins for any team or the company)")
    Report generate(@RequestBody GenerateReportCommand body, Locale locale) {
        return reports.generate(Viewers.require(), body, locale);
    }

    @GetMapping("/report-schedules")
    @Operation(operationId = "listReportSchedules", summary = "The report schedules of the caller's teams, with their subscribers")
    List<ReportSchedule> schedules() {
        return reports.schedules(Viewers.require());
    }

    @PostMapping("/report-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createReportSchedule", summary = "Set a team's weekly (on a weekday) or monthly (day 1) report and who receives it")
    ReportSchedule create(@RequestBody ReportScheduleCommand body) {
        return reports.createSchedule(Viewers.require(), body);
    }

    @GetMapping("/report-schedules/{id}")
    @Operation(operationId = "getReportSchedule", summary = "One report schedule")
    ReportSchedule schedule(@PathVariable long id) {
        return reports.schedule(Viewers.require(), id);
    }

    @PutMapping("/report-schedules/{id}")
    @Operation(operationId = "updateReportSchedule", summary = "Change a schedule's weekday, whether it is on, and its subscribers")
    ReportSchedule update(@PathVariable long id, @RequestBody ReportScheduleCommand body) {
        return reports.updateSchedule(Viewers.require(), id, body);
    }

    @DeleteMapping("/report-schedules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "stopReportSchedule", summary = "Stop a schedule (the reports made stay)")
    void delete(@PathVariable long id) {
        reports.deleteSchedule(Viewers.require(), id);
    }

    static ResponseEntity<byte[]> file(Report report, byte[] body, String extension, String type) {
        String name = "fairlead-" + report.kind().toLowerCase(Locale.ROOT) + "-" + report.period() + "-" + report.id() + "." + extension;
        return ResponseEntity.ok().header("Content-Type", type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").body(body);
    }
}
