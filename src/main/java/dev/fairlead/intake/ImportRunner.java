package dev.fairlead.intake;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Role;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.ViewerSource;
import dev.fairlead.intake.files.RowSink;
import dev.fairlead.intake.files.SpreadsheetFormat;
import dev.fairlead.intake.files.SpreadsheetReader;
import dev.fairlead.intake.persistence.ImportRepository;
import dev.fairlead.leads.BatchOutcome;
import dev.fairlead.leads.IntakeOutcome;
import dev.fairlead.leads.LeadField;
import dev.fairlead.leads.SetAside;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.UserService;
import dev.fairlead.leads.LeadText;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background. Rows are read one at a time and handled in chunks; each chunk
 * commits its leads, its {@code import_row} records and the job's counters together, so the
 * accounting always adds up, and a job whose node died (no committed chunk for {@code fairlead.intake.import.stale-after}, two minutes by default) is picked up
 * again by any node and resumes after its last committed row.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportRepository jobs;
    private final ImportProperties properties;
    private final LeadService leads;
    private final LeadText text;
    private final ProblemText problems;
    private final ImportWorkers executor;
    private final UserService users;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate nested;

    ImportRunner(ImportRepository jobs, ImportProperties properties, LeadService leads, LeadText text, ProblemText problems,
            ImportWorkers executor, UserService users, Clock clock, PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.users = users;
        this.properties = properties;
        this.leads = leads;
        this.text = text;
        this.problems = problems;
        this.executor = executor;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs the job once the caller's transaction (which queued it) has committed. */
    void submitAfterCommit(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(() -> run(id));
                }
            });
        } else {
            executor.execute(() -> run(id));
        }
    }

    /** Picks up imports whose node stopped (or that were queued while none could run them). */
    @Scheduled(fixedDelayString = "${fairlead.intake.import.resume-every:60s}", initialDelayString = "${fairlead.intake.import.resume-every:60s}")
    @SchedulerLock(name = "import-resume", lockAtMostFor = "PT1M")
    void resumeStale() {
        for (long id : jobs.stale(clock.instant().minus(properties.staleAfter()))) {
            executor.execute(() -> run(id));
        }
    }

    void run(long id) {
        if (!jobs.claim(id, clock.instant(), clock.instant().minus(properties.staleAfter()))) {
            return;
        }
        ImportRepository.RunSpec spec = jobs.runSpec(id).orElseThrow();
        Viewer importer = importer(spec);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Importer(importer), null, List.of()));
        ExecutorService storing = Executors.newSingleThreadExecutor(r -> new Thread(r, "import-" + id + "-store"));
        Chunks chunks = new Chunks(spec, importer, jobs.lastRow(id), storing, SecurityContextHolder.getContext().getAuthentication());
        try {
            SpreadsheetFormat format = SpreadsheetFormat.valueOf(spec.job().format());
            Charset charset = spec.job().charset() == null ? null : Charset.forName(spec.job().charset());
            SpreadsheetReader.read(Path.of(spec.storedPath()), format, charset, spec.separator() == null ? ',' : spec.separator(), chunks);
            chunks.flush(1.0);
            chunks.awaitStored();
            jobs.finish(id, ImportJob.Status.DONE, null, clock.instant());
            ImportService.deleteQuietly(Path.of(spec.storedPath()));
        } catch (IOException | RuntimeException e) {
            // A chunk still being stored commits or rolls back before the job is marked failed, so its counts land first.
            chunks.settle();
            log.error("Import {} failed", id, e);
            jobs.finish(id, ImportJob.Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        } finally {
            storing.shutdownNow();
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The person who started the import, as they are now: the audit trail names them, and duplicates
     * outside their scope are flagged, not merged into. Should their account be gone, a viewer with no
     * scope at all (every duplicate is then flagged).
     */
    private Viewer importer(ImportRepository.RunSpec spec) {
        try {
            return users.get(Viewer.system(), spec.userId()).viewer();
        } catch (NotFoundException e) {
            return new Viewer(spec.userId(), spec.job().createdBy(), Role.REP, null, null);
        }
    }

    /** Who the import acts for, so the audit trail names the person who started it. */
    private record Importer(Viewer viewer) implements ViewerSource {}

    private record Pending(int rowNumber, List<String> cells) {}

    /** A row read and validated: the command to store, or already the rejection. */
    private record Prepared(Pending pending, dev.fairlead.leads.LeadCommand command, ImportRepository.RowResult rejected) {}

    /**
     * Reads, validates and stores the rows chunk by chunk, in two steps that overlap: while one chunk
     * is being stored (on the job's storing thread, in its transaction), the next one is read and
     * validated on the reading thread. Chunks are stored one at a time and in file order, so the job's
     * last committed row still says where a resumed run starts.
     */
    private final class Chunks implements RowSink {
        private final ImportRepository.RunSpec spec;
        private final int resumeAfter;
        private final Locale locale;
        private final List<Pending> pending = new ArrayList<>();
        private final ExecutorService storing;
        private final Authentication importer;
        private final Viewer submitter;
        private Future<?> inFlight;

        Chunks(ImportRepository.RunSpec spec, Viewer submitter, int resumeAfter, ExecutorService storing, Authentication importer) {
            this.spec = spec;
            this.submitter = submitter;
            this.resumeAfter = resumeAfter;
            this.locale = Locale.forLanguageTag(spec.locale());
            this.storing = storing;
            this.importer = importer;
        }

        @Override
        public void header(List<String> cells) {
            // the mapping was confirmed against this header at upload
        }

        @Override
        public boolean row(int rowNumber, List<String> cells, double progress) {
            if (rowNumber <= resumeAfter) {
                return true;
            }
            pending.add(new Pending(rowNumber, List.copyOf(cells)));
            if (pending.size() >= properties.chunkSize()) {
                flush(progress);
            }
            return true;
        }

        /**
         * Commits a chunk. Rows are read and validated first (no database work); the valid ones then
         * go through intake together, set-based, in one transaction. Should a row still fail there (something validation
         * could not foresee), the chunk is redone with a savepoint per row, so that row alone is rejected.
         */
        void flush(double progress) {
            List<Prepared> rows = pending.stream().map(this::prepare).toList();
            pending.clear();
            awaitStored();
            inFlight = storing.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(importer);
                try {
                    storeChunk(rows, progress);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
        }

        private void storeChunk(List<Prepared> rows, double progress) {
            try {
                tx.executeWithoutResult(status -> commit(rows, progress, false));
            } catch (RuntimeException e) {
                log.info("Import {}: a row failed after validation; redoing its chunk row by row", spec.job().id());
                tx.executeWithoutResult(status -> commit(rows, progress, true));
            }
        }

        /** Waits until the chunk being stored has committed; rethrows what made storing it fail. */
        void awaitStored() {
            if (inFlight == null) {
                return;
            }
            Future<?> last = inFlight;
            inFlight = null;
            try {
                last.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while a chunk was being stored", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        /** Waits until the chunk being stored has committed or rolled back, whichever it does. */
        void settle() {
            try {
                awaitStored();
            } catch (RuntimeException e) {
                log.warn("Import {}: the last chunk was not stored", spec.job().id(), e);
            }
        }

        private void commit(List<Prepared> rows, double progress, boolean savepoints) {
            List<ImportRepository.RowResult> results = savepoints ? rowByRow(rows) : setBased(rows);
            jobs.insertRows(spec.job().id(), results);
            int accepted = count(results, ImportRow.Outcome.CREATED) + count(results, ImportRow.Outcome.FLAGGED);
            jobs.addCounts(spec.job().id(), results.size(), accepted, count(results, ImportRow.Outcome.FLAGGED),
                    count(results, ImportRow.Outcome.MERGED), count(results, ImportRow.Outcome.REJECTED),
                    (int) results.stream().filter(r -> r.outcome() != ImportRow.Outcome.REJECTED && r.reason() != null).count(),
                    progress, clock.instant());
        }

        /** The chunk's valid rows go through intake together ({@link LeadService#intakeAll}): same outcomes, far fewer statements. */
        private List<ImportRepository.RowResult> setBased(List<Prepared> rows) {
            List<Prepared> valid = rows.stream().filter(r -> r.rejected() == null).toList();
            List<BatchOutcome> outcomes = leads.intakeAll(submitter, valid.stream().map(Prepared::command).toList(),
                    spec.job().duplicatePolicy(), "import:" + spec.job().id());
            List<ImportRepository.RowResult> results = new ArrayList<>(rows.size());
            int next = 0;
            for (Prepared row : rows) {
                if (row.rejected() != null) {
                    results.add(row.rejected());
                } else {
                    BatchOutcome outcome = outcomes.get(next++);
                    ImportRow.Outcome kind = switch (outcome.kind()) {
                        case CREATED -> ImportRow.Outcome.CREATED;
                        case FLAGGED -> ImportRow.Outcome.FLAGGED;
                        case MERGED -> ImportRow.Outcome.MERGED;
                    };
                    results.add(new ImportRepository.RowResult(row.pending().rowNumber(), kind, outcome.leadId(), null,
                            setAsideReason(outcome.setAside())));
                }
            }
            return results;
        }

        /** Each row in a savepoint of its own, so a row that fails alone is rejected alone. */
        private List<ImportRepository.RowResult> rowByRow(List<Prepared> rows) {
            List<ImportRepository.RowResult> results = new ArrayList<>(rows.size());
            for (Prepared row : rows) {
                results.add(row.rejected() != null ? row.rejected() : store(row));
            }
            return results;
        }

        private Prepared prepare(Pending row) {
            Map<LeadField, String> values = new EnumMap<>(LeadField.class);
            spec.job().mapping().forEach((column, field) -> {
                if (column < row.cells().size()) {
                    values.put(field, row.cells().get(column));
                }
            });
            LeadText.Parsed parsed = text.parse(values, spec.job().defaultSource(), clock.getZone());
            if (!parsed.ok()) {
                return new Prepared(row, null, rejected(row, parsed.problems()));
            }
            try {
                leads.screen(parsed.command());
                return new Prepared(row, parsed.command(), null);
            } catch (InvalidInputException e) {
                return new Prepared(row, null, rejected(row, e.problems()));
            }
        }

        private ImportRepository.RowResult store(Prepared row) {
            try {
                return stored(row.pending(), nested.execute(s -> leads.intake(submitter, row.command(), spec.job().duplicatePolicy(),
                        "import:" + spec.job().id())));
            } catch (InvalidInputException e) {
                return rejected(row.pending(), e.problems());
            } catch (RuntimeException e) {
                log.warn("Import {} row {} failed unexpectedly", spec.job().id(), row.pending().rowNumber(), e);
                return new ImportRepository.RowResult(row.pending().rowNumber(), ImportRow.Outcome.REJECTED, null,
                        row.pending().cells(), problems.text("intake.import.unexpected", locale, e.getClass().getSimpleName()));
            }
        }

        private ImportRepository.RowResult stored(Pending row, IntakeOutcome outcome) {
            ImportRow.Outcome kind = outcome instanceof IntakeOutcome.Merged ? ImportRow.Outcome.MERGED
                    : outcome instanceof IntakeOutcome.Flagged ? ImportRow.Outcome.FLAGGED : ImportRow.Outcome.CREATED;
            return new ImportRepository.RowResult(row.rowNumber(), kind, outcome.lead().id(), null, setAsideReason(outcome.setAside()));
        }

        /** For a stored row with fields set aside, what was set aside and why (the row's reason); null otherwise. */
        private String setAsideReason(List<SetAside> aside) {
            if (aside.isEmpty()) {
                return null;
            }
            return problems.text("intake.import.setAside", locale, aside.stream()
                    .map(a -> column(a.field()) + " '" + a.value() + "': " + a.reason(locale)).collect(Collectors.joining("; ")));
        }

        private ImportRepository.RowResult rejected(Pending row, List<FieldProblem> found) {
            String reason = found.stream().map(p -> column(p.field()) + ": " + problems.text(p, locale))
                    .collect(Collectors.joining("; "));
            return new ImportRepository.RowResult(row.rowNumber(), ImportRow.Outcome.REJECTED, null, row.cells(), reason);
        }

        /** The column header the people who import know a field by. */
        private String column(String property) {
            for (Map.Entry<Integer, LeadField> e : spec.job().mapping().entrySet()) {
                String fieldProperty = e.getValue().property();
                if (property.equals(fieldProperty) || property.startsWith(fieldProperty + "[")
                        || (e.getValue() == LeadField.BEHAVIOUR_AT && property.startsWith("behaviours"))) {
                    return spec.job().headers().get(e.getKey());
                }
            }
            return property;
        }
    }

    private static int count(List<ImportRepository.RowResult> results, ImportRow.Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
