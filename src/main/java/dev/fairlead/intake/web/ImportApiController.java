package dev.fairlead.intake.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.intake.ImportJob;
import dev.fairlead.intake.ImportRow;
import dev.fairlead.intake.ImportService;
import dev.fairlead.leads.DuplicatePolicy;
import dev.fairlead.leads.LeadField;
import dev.fairlead.leads.LeadSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Lead import", description = "CSV (UTF-8 or GBK) and XLSX imports with column mapping, progress and per-row results")
class ImportApiController {

    private final ImportService imports;

    ImportApiController(ImportService imports) {
        this.imports = imports;
    }

    /** An import with the mapping proposed from its header row. */
    record ImportView(ImportJob job, Map<Integer, LeadField> proposedMapping) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "uploadImport", summary = "Upload a .csv or .xlsx file; returns its header, first rows and a proposed column mapping",
            description = "charset: AUTO (default; UTF-8 or GBK is detected), UTF-8 or GBK. With start=true the import starts "
                    + "at once with the proposed mapping.")
    ImportView upload(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String charset,
            @RequestParam(defaultValue = "false") boolean start, @RequestParam(required = false) DuplicatePolicy duplicates)
            throws IOException {
        Viewer viewer = Viewers.require();
        if (file.isEmpty()) {
            throw InvalidInputException.of("file", "intake.import.empty");
        }
        ImportJob job;
        try (InputStream in = file.getInputStream()) {
            job = imports.upload(viewer, file.getOriginalFilename(), in, charset);
        }
        Map<Integer, LeadField> proposed = imports.proposedMapping(job);
        if (start) {
            job = imports.start(viewer, job.id(), proposed, duplicates, LeadSource.IMPORT);
        }
        return new ImportView(job, proposed);
    }

    @PostMapping("/{id}/start")
    @Operation(operationId = "startImport", summary = "Start the background import with the confirmed mapping {\"mapping\": {\"0\": \"COMPANY\", …}}")
    ImportJob start(@PathVariable long id, @RequestBody ImportStart start) {
        return imports.start(Viewers.require(), id, start.mapping(), start.duplicates(), start.defaultSource());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getImport", summary = "Progress and counts: accepted + merged + rejected = rowsRead")
    ImportJob progress(@PathVariable long id) {
        return imports.get(Viewers.require(), id);
    }

    @Operation(operationId = "listImports")
    @GetMapping
    List<ImportJob> list() {
        return imports.list(Viewers.require());
    }

    @GetMapping("/{id}/rows")
    @Operation(operationId = "listImportRows", summary = "What became of each row (CREATED, FLAGGED, MERGED, REJECTED), in row order")
    List<ImportRow> rows(@PathVariable long id, @RequestParam(required = false) ImportRow.Outcome outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return imports.rows(Viewers.require(), id, outcome, page, size);
    }

    @GetMapping("/{id}/rejected.csv")
    @Operation(operationId = "getImportRejectedCsv", summary = "The rejected rows with their original columns and a reason column (UTF-8 CSV)")
    void rejected(@PathVariable long id, HttpServletResponse response) throws IOException {
        Viewer viewer = Viewers.require();
        imports.get(viewer, id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rejected.csv\"");
        imports.writeRejected(viewer, id, response.getOutputStream());
    }
}
