package dev.fairlead.audit.web;

import dev.fairlead.audit.AuditEntry;
import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.export.ExportColumn;
import dev.fairlead.common.export.ExportFormat;
import dev.fairlead.common.export.Exporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Audit")
class AuditExportApiController {

    private final AuditTrail audit;
    private final Exporter exporter;
    private final Clock clock;
    private final List<ExportColumn<AuditEntry>> columns;

    AuditExportApiController(AuditTrail audit, Exporter exporter, Clock clock, JsonMapper json) {
        this.audit = audit;
        this.exporter = exporter;
        this.clock = clock;
        this.columns = List.of(
                ExportColumn.of("export.id", AuditEntry::id),
                ExportColumn.of("audit.when", AuditEntry::occurredAt),
                ExportColumn.of("audit.actor", AuditEntry::actor),
                ExportColumn.labelled("audit.action", "audit.action.", AuditEntry::action),
                ExportColumn.labelled("audit.entityType", "audit.entityType.", AuditEntry::entityType),
                ExportColumn.of("audit.entityId", AuditEntry::entityId),
                ExportColumn.of("audit.reason", AuditEntry::reason),
                ExportColumn.of("export.audit.before", e -> asJson(json, e.before())),
                ExportColumn.of("export.audit.after", e -> asJson(json, e.after())));
    }

    private static String asJson(JsonMapper json, Map<String, Object> values) {
        return values == null || values.isEmpty() ? null : json.writeValueAsString(values);
    }

    @GetMapping("/api/audit/export")
    @Operation(operationId = "exportAudit", summary = "The audit trail as a CSV or XLSX file: the caller's scope and the filters of the audit page "
            + "(from and to are days, in the application's zone, both included); X-Export-Rows tells the row count; "
            + "over the cap is refused (400). Audited itself.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The file, streamed; Content-Disposition names it audit-<date>.csv|xlsx",
                        content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "400", description = "Unknown format, bad filter, or more rows than the cap",
                        content = @Content(mediaType = "application/problem+json"))})
    void export(@Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        ExportFormat kind = ExportFormat.of(format);
        Viewer viewer = Viewers.require();
        AuditFilter filter = new AuditFilter(entityType, entityId, actor, action,
                from == null ? null : from.atStartOfDay(clock.getZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), 0, 0);
        exporter.export(response, viewer, "audit", kind, Exporter.filters("entityType", entityType, "entityId", entityId,
                        "actor", actor, "action", action, "from", from, "to", to),
                audit.count(viewer, filter), columns, (limit, row) -> audit.forEach(viewer, filter, limit, row));
    }
}
