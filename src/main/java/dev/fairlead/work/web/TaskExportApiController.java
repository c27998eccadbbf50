package dev.fairlead.work.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.export.ExportColumn;
import dev.fairlead.common.export.ExportFormat;
import dev.fairlead.common.export.Exporter;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskService;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tasks")
class TaskExportApiController {

    static final List<ExportColumn<Task>> COLUMNS = List.of(
            ExportColumn.of("export.id", Task::id),
            ExportColumn.of("work.task.title", Task::title),
            ExportColumn.of("work.task.type", Task::typeCode),
            ExportColumn.labelled("export.status", "work.task.status.", Task::status),
            ExportColumn.of("work.task.important", Task::important),
            ExportColumn.of("work.task.urgent", Task::urgent),
            ExportColumn.of("export.points", Task::workloadPoints),
            ExportColumn.of("work.task.owner", Task::ownerName),
            ExportColumn.of("work.task.dueAt", Task::dueAt),
            ExportColumn.of("export.lead", Task::leadLabel),
            ExportColumn.of("export.deal", Task::dealName),
            ExportColumn.of("export.customer", Task::customerName),
            ExportColumn.of("export.createdAt", Task::createdAt),
            ExportColumn.of("export.completedAt", Task::completedAt));

    private final TaskService tasks;
    private final Exporter exporter;
    private final Clock clock;

    TaskExportApiController(TaskService tasks, Exporter exporter, Clock clock) {
        this.tasks = tasks;
        this.exporter = exporter;
        this.clock = clock;
    }

    @GetMapping("/api/tasks/export")
    @Operation(operationId = "exportTasks", summary = "A task list as a CSV or XLSX file: view=mine (the caller's own tasks, as GET /api/tasks) or "
            + "view=overdue (overdue tasks in the caller's scope); headers and values in the caller's language; "
            + "X-Export-Rows tells the row count; over the cap is refused (400). Audited.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The file, streamed; Content-Disposition names it tasks-<date>.csv|xlsx",
                        content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "400", description = "Unknown format or view, or more rows than the cap",
                        content = @Content(mediaType = "application/problem+json"))})
    void export(@Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @RequestParam(defaultValue = "csv") String format,
            @Parameter(schema = @Schema(allowableValues = {"mine", "overdue"})) @RequestParam(defaultValue = "mine") String view,
            HttpServletResponse response) throws IOException {
        ExportFormat kind = ExportFormat.of(format);
        if (!"mine".equals(view) && !"overdue".equals(view)) {
            throw InvalidInputException.of("view", "export.view.invalid");
        }
        boolean overdue = "overdue".equals(view);
        Viewer viewer = Viewers.require();
        Instant now = clock.instant();
        exporter.export(response, viewer, "tasks", kind, Exporter.filters("view", view), tasks.count(viewer, overdue, now),
                COLUMNS, (limit, row) -> tasks.forEach(viewer, overdue, now, limit, row));
    }
}
