package dev.fairlead.common.export;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Streams a list to the response as CSV or XLSX (decision 0321): the module counts the rows with its
 * list query and hands a {@link RowSource} over the same query; rows are written as the cursor gives
 * them, so an export of a million rows holds no list of them. Headers and labelled values are in the
 * caller's language, instants in the application's zone; the file name carries the date. An export
 * of more rows than {@code fairlead.exports.max-rows} is refused before anything is written. Every
 * export is audited (who, which list, filters, rows written) before the response ends, so a caller
 * that has the whole file finds the export in the trail.
 */
@Component
public class Exporter {

    /** Response header with the number of rows the file holds, sent before the first byte: the page's progress bar counts against it. */
    public static final String ROWS_HEADER = "X-Export-Rows";

    /** A worksheet holds 1,048,576 rows; one is the header. */
    static final int XLSX_MAX_ROWS = 1_048_575;

    private final MessageSource messages;
    private final Clock clock;
    private final ObjectProvider<ExportAudit> audit;
    private final int maxRows;

    Exporter(MessageSource messages, Clock clock, ObjectProvider<ExportAudit> audit,
            @Value("${fairlead.exports.max-rows:1000000}") int maxRows) {
        this.messages = messages;
        this.clock = clock;
        this.audit = audit;
        this.maxRows = maxRows;
    }

    /** The filters an export ran with, for its audit entry: pairs of name and value, the unset (null) ones left out. */
    public static Map<String, Object> filters(Object... namesAndValues) {
        Map<String, Object> filters = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                filters.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
            }
        }
        return filters;
    }

    public int maxRows() {
        return maxRows;
    }

    /**
     * Writes the export. {@code total} is the list query's count for the viewer and filters;
     * {@code list} names the list in file names, sheet names ({@code export.list.<list>}) and the audit.
     */
    public <T> void export(HttpServletResponse response, Viewer viewer, String list, ExportFormat format,
            Map<String, ?> filters, long total, List<ExportColumn<T>> columns, RowSource<T> rows) throws IOException {
        filters.forEach((name, value) -> {
            // PostgreSQL takes no NUL in text: refused here, before the first byte of the file is sent, not mid-stream
            if (value instanceof String text && text.indexOf('\u0000') >= 0) {
                throw InvalidInputException.of(name, "export.filter.nul");
            }
        });
        int cap = format == ExportFormat.XLSX ? Math.min(maxRows, XLSX_MAX_ROWS) : maxRows;
        if (total > cap) {
            throw InvalidInputException.of("format", "export.tooManyRows", total, cap);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ExportCells cells = new ExportCells(clock.getZone(), locale, this::text);
        List<String> header = columns.stream().map(cells::header).toList();
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(list + "-" + LocalDate.now(clock) + "." + format.extension(), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(ROWS_HEADER, Long.toString(total));
        long[] written = {0};
        boolean complete = false;
        try {
            OutputStream out = response.getOutputStream();
            TableWriter writer = format == ExportFormat.CSV ? new CsvTableWriter(out, header)
                    : new XlsxTableWriter(out, text("export.list." + list, locale), header);
            List<Object> row = new ArrayList<>(columns.size());
            rows.forEach(cap, item -> {
                row.clear();
                for (ExportColumn<T> column : columns) {
                    row.add(cells.cell(column, column.value().apply(item)));
                }
                write(writer, row);
                written[0]++;
            });
            writer.finish();
            out.flush();
            complete = true;
        } finally {
            ExportAudit a = audit.getIfAvailable();
            if (a != null) {
                a.exported(viewer, list, format, filters, written[0], complete);
            }
        }
    }

    private static void write(TableWriter writer, List<Object> row) {
        try {
            writer.row(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
