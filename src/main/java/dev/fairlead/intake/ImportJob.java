package dev.fairlead.intake;

import dev.fairlead.leads.DuplicatePolicy;
import dev.fairlead.leads.LeadField;
import dev.fairlead.leads.LeadSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import and its progress. Every row read is accounted for: {@code accepted + merged + rejected = rowsRead}
 * ({@code flagged} of the accepted rows were stored as possible duplicates; {@code setAside} of the
 * accepted and merged rows had an optional field set aside for data-quality review). {@code progress} is 0–1.
 */
public record ImportJob(long id, String createdBy, String fileName, String format, String charset, List<String> headers,
        List<List<String>> sample, Map<Integer, LeadField> mapping, DuplicatePolicy duplicatePolicy, LeadSource defaultSource,
        Status status, int rowsRead, int accepted, int flagged, int merged, int rejected, int setAside, double progress, String error,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    public enum Status { UPLOADED, QUEUED, RUNNING, DONE, FAILED }

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    public int percent() {
        return status == Status.DONE ? 100 : (int) Math.floor(progress * 100);
    }
}
