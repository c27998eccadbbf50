package dev.fairlead.org.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.export.ExportColumn;
import dev.fairlead.common.export.ExportFormat;
import dev.fairlead.common.export.Exporter;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Tier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reps")
class RepExportApiController {

    static final List<ExportColumn<Rep>> COLUMNS = List.of(
            ExportColumn.of("export.id", Rep::id),
            ExportColumn.of("rep.name", Rep::name),
            ExportColumn.of("rep.team", Rep::teamName),
            ExportColumn.of("rep.email", Rep::email),
            ExportColumn.of("rep.phone", Rep::phone),
            ExportColumn.labelled("rep.tier", "tier.", Rep::tier),
            ExportColumn.of("rep.industries", r -> String.join(", ", r.industries())),
            ExportColumn.of("rep.products", r -> String.join(", ", r.products())),
            ExportColumn.of("rep.languages", r -> String.join(", ", r.languages())),
            ExportColumn.of("rep.weight", Rep::weight),
            ExportColumn.of("rep.maxOpenLeads", Rep::maxOpenLeads),
            ExportColumn.of("rep.maxNewPerDay", Rep::maxNewPerDay),
            ExportColumn.of("rep.maxNewPerMonth", Rep::maxNewPerMonth),
            ExportColumn.of("rep.hireDate", Rep::hireDate),
            ExportColumn.of("rep.active", Rep::active));

    private final RepService reps;
    private final Exporter exporter;

    RepExportApiController(RepService reps, Exporter exporter) {
        this.reps = reps;
        this.exporter = exporter;
    }

    @GetMapping("/api/reps/export")
    @Operation(operationId = "exportReps", summary = "The rep list as a CSV or XLSX file: the caller's scope and the filters of GET /api/reps, "
            + "headers and values in the caller's language; X-Export-Rows tells the row count; over the cap is refused (400). Audited.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The file, streamed; Content-Disposition names it reps-<date>.csv|xlsx",
                        content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "400", description = "Unknown format, bad filter, or more rows than the cap",
                        content = @Content(mediaType = "application/problem+json"))})
    void export(@Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Tier tier, @RequestParam(required = false) Boolean active,
            HttpServletResponse response) throws IOException {
        ExportFormat kind = ExportFormat.of(format);
        Viewer viewer = Viewers.require();
        RepQuery query = new RepQuery(teamId, q, tier, active);
        exporter.export(response, viewer, "reps", kind, Exporter.filters("teamId", teamId, "q", q, "tier", tier, "active", active),
                reps.count(viewer, query), COLUMNS, (limit, row) -> reps.forEach(viewer, query, limit, row));
    }
}
