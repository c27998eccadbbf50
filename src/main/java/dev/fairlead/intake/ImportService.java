package dev.fairlead.intake;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.intake.files.ColumnMapping;
import dev.fairlead.intake.files.CsvEncoding;
import dev.fairlead.intake.files.RowSink;
import dev.fairlead.intake.files.SpreadsheetFormat;
import dev.fairlead.intake.files.SpreadsheetReader;
import dev.fairlead.intake.persistence.ImportRepository;
import dev.fairlead.leads.DuplicatePolicy;
import dev.fairlead.leads.LeadField;
import dev.fairlead.leads.LeadSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of CSV (UTF-8 or GBK) and XLSX files: upload (stored on disk, header and first rows read
 * for the mapping step), start with a confirmed column mapping, then a background run that streams
 * the file through the same intake path as the API (validate, de-duplicate, store, score, route).
 * Admins, directors and managers import; a job is visible to whoever started it and to those who see everything.
 */
@Service
public class ImportService {

    public static final int SAMPLE_ROWS = 5;

    private final ImportRepository jobs;
    private final ImportProperties properties;
    private final ImportRunner runner;
    private final Clock clock;

    ImportService(ImportRepository jobs, ImportProperties properties, ImportRunner runner, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * Stores the upload and reads its header and first rows. {@code charset} null (or "AUTO") detects
     * UTF-8 or GBK for CSV; XLSX needs none.
     */
    public ImportJob upload(Viewer viewer, String fileName, InputStream content, String charset) {
        requireImporter(viewer);
        SpreadsheetFormat format = SpreadsheetFormat.of(fileName)
                .orElseThrow(() -> InvalidInputException.of("file", "intake.import.format"));
        Path stored = store(content);
        try {
            Charset encoding = null;
            Character separator = null;
            if (format == SpreadsheetFormat.CSV) {
                encoding = charset == null || charset.isBlank() || "AUTO".equalsIgnoreCase(charset)
                        ? CsvEncoding.detect(stored) : charset(charset);
                separator = SpreadsheetReader.csvSeparator(stored, encoding);
            }
            Preview preview = new Preview();
            SpreadsheetReader.read(stored, format, encoding, separator == null ? ',' : separator, preview);
            if (preview.headers.isEmpty()) {
                throw InvalidInputException.of("file", "intake.import.empty");
            }
            long id = jobs.insert(new ImportRepository.NewJob(viewer.username(), viewer.userId(),
                    LocaleContextHolder.getLocale().toLanguageTag(), fileName, format.name(),
                    encoding == null ? null : encoding.name(), separator, stored.toString(), Files.size(stored),
                    preview.headers, preview.rows, clock.instant()));
            return jobs.find(id).orElseThrow();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(stored);
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw InvalidInputException.of("file", "intake.import.unreadable");
        }
    }

    /** Column index → field proposed from the header row. */
    public Map<Integer, LeadField> proposedMapping(ImportJob job) {
        return ColumnMapping.propose(job.headers());
    }

    /**
     * Starts the background run with the confirmed mapping. The contact name and a phone or e-mail
     * column must be mapped; {@code duplicates} null follows the configured rule.
     */
    @Transactional
    public ImportJob start(Viewer viewer, long id, Map<Integer, LeadField> mapping, DuplicatePolicy duplicates,
            LeadSource defaultSource) {
        requireImporter(viewer);
        ImportJob job = get(viewer, id);
        if (job.status() != ImportJob.Status.UPLOADED) {
            throw new dev.fairlead.common.ConflictException("import.started", "This import has already been started");
        }
        Map<Integer, LeadField> clean = validated(job, mapping);
        jobs.queue(id, clean, duplicates, defaultSource == null ? LeadSource.IMPORT : defaultSource, clock.instant());
        runner.submitAfterCommit(id);
        return jobs.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ImportJob get(Viewer viewer, long id) {
        return jobs.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("import", id));
    }

    @Transactional(readOnly = true)
    public List<ImportJob> list(Viewer viewer) {
        return jobs.listVisible(viewer, 50);
    }

    @Transactional(readOnly = true)
    public List<ImportRow> rows(Viewer viewer, long id, ImportRow.Outcome outcome, int page, int size) {
        get(viewer, id);
        int limit = size <= 0 ? 100 : Math.min(size, 1000);
        return jobs.rows(id, outcome, limit, Math.max(page, 0) * limit);
    }

    /** The rejected rows as CSV (UTF-8 with BOM, so Excel shows Chinese): the original columns and a reason column. */
    @Transactional(readOnly = true)
    public void writeRejected(Viewer viewer, long id, OutputStream out) {
        ImportJob job = get(viewer, id);
        Locale locale = LocaleContextHolder.getLocale();
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            CsvWriter csv = CsvWriter.builder().build(out, StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>();
            header.add(Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage()) ? "行号" : "row");
            header.addAll(job.headers());
            header.add(Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage()) ? "原因" : "reason");
            csv.writeRecord(header);
            jobs.eachRejected(id, row -> {
                List<String> record = new ArrayList<>();
                record.add(String.valueOf(row.rowNumber()));
                for (int i = 0; i < job.headers().size(); i++) {
                    record.add(row.cells() != null && i < row.cells().size() ? row.cells().get(i) : "");
                }
                record.add(row.reason());
                csv.writeRecord(record);
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<Integer, LeadField> validated(ImportJob job, Map<Integer, LeadField> mapping) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Integer, LeadField> clean = new java.util.TreeMap<>();
        Set<LeadField> seen = EnumSet.noneOf(LeadField.class);
        if (mapping != null) {
            mapping.forEach((column, field) -> {
                if (field == null) {
                    return;
                }
                if (column == null || column < 0 || column >= job.headers().size()) {
                    problems.add(FieldProblem.of("mapping", "intake.import.column", column));
                } else if (!seen.add(field)) {
                    problems.add(FieldProblem.of("mapping", "intake.import.twice", field.property()));
                } else {
                    clean.put(column, field);
                }
            });
        }
        if (!seen.contains(LeadField.CONTACT_NAME)) {
            problems.add(FieldProblem.of("mapping", "intake.import.needsContact"));
        }
        if (!seen.contains(LeadField.PHONE) && !seen.contains(LeadField.EMAIL)) {
            problems.add(FieldProblem.of("mapping", "intake.import.needsPhoneOrEmail"));
        }
        Validation.throwIfAny(problems);
        return clean;
    }

    private Path store(InputStream content) {
        try {
            Files.createDirectories(properties.directory());
            Path target = properties.directory().resolve(UUID.randomUUID() + ".upload");
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (RuntimeException e) {
            throw InvalidInputException.of("charset", "intake.import.charset", name);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover upload is harmless; the directory is for uploads only
        }
    }

    static void requireImporter(Viewer viewer) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Only admins, directors and managers import leads");
        }
    }

    /** Keeps the header and the first rows only. */
    private static final class Preview implements RowSink {
        private List<String> headers = List.of();
        private final List<List<String>> rows = new ArrayList<>();

        @Override
        public void header(List<String> cells) {
            headers = List.copyOf(cells);
        }

        @Override
        public boolean row(int rowNumber, List<String> cells, double progress) {
            rows.add(List.copyOf(cells));
            return rows.size() < SAMPLE_ROWS;
        }
    }
}
