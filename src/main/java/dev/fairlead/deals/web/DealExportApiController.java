package dev.fairlead.deals.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.export.ExportColumn;
import dev.fairlead.common.export.ExportFormat;
import dev.fairlead.common.export.Exporter;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealQuery;
import dev.fairlead.deals.DealService;
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
@Tag(name = "Deals")
class DealExportApiController {

    static final List<ExportColumn<Deal>> COLUMNS = List.of(
            ExportColumn.of("export.id", Deal::id),
            ExportColumn.of("deal.name", Deal::name),
            ExportColumn.of("deal.customer", Deal::customerName),
            ExportColumn.of("deal.owner", Deal::ownerName),
            ExportColumn.labelled("deal.stage", "deal.stage.", Deal::stage),
            ExportColumn.of("deal.amount", d -> d.amount().amount()),
            ExportColumn.of("export.currency", d -> d.amount().currency()),
            ExportColumn.of("deal.probability", Deal::probability),
            ExportColumn.of("deal.expectedClose", Deal::expectedClose),
            ExportColumn.labelled("deal.source", "deal.source.", Deal::source),
            ExportColumn.of("deal.wonOn", Deal::wonOn),
            ExportColumn.of("deal.lostReason", Deal::lostReason),
            ExportColumn.of("export.createdAt", Deal::createdAt),
            ExportColumn.of("export.closedAt", Deal::closedAt));

    private final DealService deals;
    private final Exporter exporter;

    DealExportApiController(DealService deals, Exporter exporter) {
        this.deals = deals;
        this.exporter = exporter;
    }

    @GetMapping("/api/deals/export")
    @Operation(operationId = "exportDeals", summary = "The deal list as a CSV or XLSX file: the caller's scope and the filters of GET /api/deals, headers "
            + "and values in the caller's language; X-Export-Rows tells the row count; over the cap is refused (400). Audited.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The file, streamed; Content-Disposition names it deals-<date>.csv|xlsx",
                        content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "400", description = "Unknown format, bad filter, or more rows than the cap",
                        content = @Content(mediaType = "application/problem+json"))})
    void export(@Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String stage, @RequestParam(required = false) Long ownerRepId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String source,
            @RequestParam(required = false) Boolean open, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long leadId, HttpServletResponse response) throws IOException {
        ExportFormat kind = ExportFormat.of(format);
        Viewer viewer = Viewers.require();
        DealQuery query = new DealQuery(stage, ownerRepId, teamId, source, open, q, leadId, 0, 0);
        exporter.export(response, viewer, "deals", kind, Exporter.filters("stage", stage, "ownerRepId", ownerRepId, "teamId", teamId,
                        "source", source, "open", open, "q", q, "leadId", leadId),
                deals.count(viewer, query), COLUMNS, (limit, row) -> deals.forEach(viewer, query, limit, row));
    }
}
