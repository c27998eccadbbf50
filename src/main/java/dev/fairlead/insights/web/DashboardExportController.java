package dev.fairlead.insights.web;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.insights.DashboardFilter;
import dev.fairlead.insights.Dashboards;
import dev.fairlead.insights.ReportContent;
import dev.fairlead.insights.ReportFigures;
import dev.fairlead.insights.ReportRenderer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard as the caller sees it, exported on demand as PDF or XLSX in their language (the dashboard page's buttons). */
@RestController
@RequestMapping("/api/insights")
@Tag(name = "Insights")
class DashboardExportController {

    private final Dashboards dashboards;
    private final ReportFigures figures;
    private final ReportRenderer renderer;

    DashboardExportController(Dashboards dashboards, ReportFigures figures, ReportRenderer renderer) {
        this.dashboards = dashboards;
        this.figures = figures;
        this.renderer = renderer;
    }

    @GetMapping("/export.pdf")
    @Operation(operationId = "exportDashboardPdf", summary = "The dashboard of the period (WEEK, MONTH or QUARTER containing on) as PDF, in the caller's scope and language")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId, Locale locale) {
        ReportContent content = content(period, on, teamId);
        return file(content, renderer.pdf(content, locale, true), "pdf", ReportApiController.PDF);
    }

    @GetMapping("/export.xlsx")
    @Operation(operationId = "exportDashboardXlsx", summary = "The dashboard of the period as an XLSX workbook, in the caller's scope and language")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Long teamId, Locale locale) {
        ReportContent content = content(period, on, teamId);
        return file(content, renderer.xlsx(content, locale, true), "xlsx", ReportApiController.XLSX);
    }

    private ReportContent content(PeriodKind kind, LocalDate on, Long teamId) {
        Viewer viewer = Viewers.require();
        DashboardFilter filter = new DashboardFilter(kind, on, teamId);
        Period period = filter.period(dashboards.today());
        return figures.content(viewer, teamId, period);
    }

    private static ResponseEntity<byte[]> file(ReportContent content, byte[] body, String extension, String type) {
        return ResponseEntity.ok().header("Content-Type", type).header("Content-Disposition",
                "attachment; filename=\"fairlead-insights-" + content.period().label() + "." + extension + "\"").body(body);
    }
}
