package dev.fairlead.leads.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.export.ExportColumn;
import dev.fairlead.common.export.ExportFormat;
import dev.fairlead.common.export.Exporter;
import dev.fairlead.leads.LeadExportRow;
import dev.fairlead.leads.LeadExports;
import dev.fairlead.leads.LeadQuery;
import dev.fairlead.leads.LeadStatus;
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
@Tag(name = "Leads")
class LeadExportApiController {

    static final List<ExportColumn<LeadExportRow>> COLUMNS = List.of(
            ExportColumn.of("export.id", r -> r.lead().id()),
            ExportColumn.of("lead.contactName", r -> r.lead().contactName()),
            ExportColumn.of("lead.company", r -> r.lead().company()),
            ExportColumn.of("lead.title", r -> r.lead().title()),
            ExportColumn.of("lead.phone", r -> r.lead().phone()),
            ExportColumn.of("lead.email", r -> r.lead().email()),
            ExportColumn.labelled("lead.status", "leadStatus.", r -> r.lead().status()),
            ExportColumn.labelled("lead.source", "leadSource.", r -> r.lead().source()),
            ExportColumn.of("lead.score", r -> r.lead().score()),
            ExportColumn.of("lead.grade", r -> r.lead().grade()),
            ExportColumn.of("lead.owner", r -> r.lead().ownerName()),
            ExportColumn.of("rep.team", LeadExportRow::teamName),
            ExportColumn.of("lead.pooled", r -> r.lead().poolId() != null),
            ExportColumn.of("lead.industry", r -> r.lead().industry()),
            ExportColumn.labelled("lead.companySize", "companySize.", r -> r.lead().companySize()),
            ExportColumn.of("export.provinceCode", r -> r.lead().provinceCode()),
            ExportColumn.of("export.cityCode", r -> r.lead().cityCode()),
            ExportColumn.of("lead.productInterest", r -> r.lead().productInterest()),
            ExportColumn.of("lead.budget", r -> r.lead().budget()),
            ExportColumn.of("lead.createdAt", r -> r.lead().createdAt()),
            ExportColumn.of("lead.assignedAt", r -> r.lead().assignedAt()),
            ExportColumn.of("export.lead.firstContactAt", r -> r.lead().firstContactAt()),
            ExportColumn.of("export.lead.lastFollowUpAt", r -> r.lead().lastFollowUpAt()));

    private final LeadExports leads;
    private final Exporter exporter;

    LeadExportApiController(LeadExports leads, Exporter exporter) {
        this.leads = leads;
        this.exporter = exporter;
    }

    @GetMapping("/api/leads/export")
    @Operation(operationId = "exportLeads", summary = "The lead list as a CSV or XLSX file: the caller's scope, the list's filters (those of GET /api/leads "
            + "and of saved filters), headers and values in the caller's language, times in the application's zone. "
            + "X-Export-Rows tells the row count before the body; over fairlead.exports.max-rows rows is refused (400). Audited.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The file, streamed; Content-Disposition names it leads-<date>.csv|xlsx",
                        content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "400", description = "Unknown format, bad filter, or more rows than the cap",
                        content = @Content(mediaType = "application/problem+json"))})
    void export(@Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) LeadStatus status, @RequestParam(required = false) Long ownerRepId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean pooled, @RequestParam(required = false) Boolean duplicates,
            HttpServletResponse response) throws IOException {
        ExportFormat kind = ExportFormat.of(format);
        Viewer viewer = Viewers.require();
        LeadQuery query = new LeadQuery(status, ownerRepId, teamId, q, pooled, duplicates, 0, 0);
        exporter.export(response, viewer, "leads", kind,
                Exporter.filters("status", status, "ownerRepId", ownerRepId, "teamId", teamId, "q", q, "pooled", pooled,
                        "duplicates", duplicates),
                leads.count(viewer, query), COLUMNS, (limit, row) -> leads.forEach(viewer, query, limit, row));
    }
}
