package dev.fairlead.pool.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.export.ExportColumn;
import dev.fairlead.common.export.ExportFormat;
import dev.fairlead.common.export.Exporter;
import dev.fairlead.common.web.StoredTexts;
import dev.fairlead.pool.PoolLead;
import dev.fairlead.pool.PoolLeadQuery;
import dev.fairlead.pool.PoolService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Pool")
class PoolExportApiController {

    private final PoolService pools;
    private final Exporter exporter;
    private final Clock clock;
    private final List<ExportColumn<PoolLead>> columns;

    PoolExportApiController(PoolService pools, Exporter exporter, Clock clock, StoredTexts storedTexts) {
        this.pools = pools;
        this.exporter = exporter;
        this.clock = clock;
        this.columns = List.of(
                ExportColumn.of("export.id", PoolLead::leadId),
                ExportColumn.of("lead.contactName", PoolLead::contactName),
                ExportColumn.of("lead.company", PoolLead::company),
                ExportColumn.labelled("lead.status", "leadStatus.", PoolLead::status),
                ExportColumn.of("pool.grade", PoolLead::grade),
                ExportColumn.of("lead.score", PoolLead::score),
                ExportColumn.of("pool.industry", PoolLead::industry),
                ExportColumn.of("export.provinceCode", PoolLead::provinceCode),
                ExportColumn.of("export.cityCode", PoolLead::cityCode),
                ExportColumn.of("export.pool.since", PoolLead::inPoolSince),
                ExportColumn.of("pool.daysInPool", PoolLead::daysInPool),
                ExportColumn.of("pool.previousOwners", l -> String.join(", ", l.previousOwners())),
                ExportColumn.of("pool.lastReason", l -> l.lastReason() == null ? null : storedTexts.render(l.lastReason())));
    }

    @GetMapping("/api/pools/{id}/leads/export")
    @Operation(operationId = "exportPoolLeads", summary = "A pool's leads as a CSV or XLSX file: the filters of GET /api/pools/{id}/leads, 404 for a pool "
            + "the caller may not see; headers and values in the caller's language; X-Export-Rows tells the row count; "
            + "over the cap is refused (400). Audited.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The file, streamed; Content-Disposition names it pool-<date>.csv|xlsx",
                        content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "400", description = "Unknown format, bad filter, or more rows than the cap",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "404", description = "No such pool in the caller's scope",
                        content = @Content(mediaType = "application/problem+json"))})
    void export(@PathVariable long id,
            @Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String province,
            @RequestParam(required = false) String industry, @RequestParam(required = false) Integer minDays,
            @RequestParam(required = false) Integer maxDays, @RequestParam(required = false) Long previousOwner,
            @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        ExportFormat kind = ExportFormat.of(format);
        Viewer viewer = Viewers.require();
        Instant now = clock.instant();
        PoolLeadQuery query = new PoolLeadQuery(grade, province, industry, minDays, maxDays, previousOwner, q, 0, 0);
        exporter.export(response, viewer, "pool", kind, Exporter.filters("pool", id, "grade", grade, "province", province,
                        "industry", industry, "minDays", minDays, "maxDays", maxDays, "previousOwner", previousOwner, "q", q),
                pools.countLeads(viewer, id, query, now), columns,
                (limit, row) -> pools.forEachLead(viewer, id, query, now, limit, row));
    }
}
