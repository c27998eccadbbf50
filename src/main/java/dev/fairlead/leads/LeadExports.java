package dev.fairlead.leads;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.persistence.LeadExportRepository;
import dev.fairlead.leads.persistence.LeadRepository;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lead list for an export, in the viewer's scope and with the list's filters (page and size ignored). */
@Service
public class LeadExports {

    private final LeadExportRepository rows;

    LeadExports(LeadExportRepository rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public long count(Viewer viewer, LeadQuery q) {
        return rows.count(viewer, filter(q));
    }

    /** Hands each lead of the list to {@code row}, newest first, at most {@code limit}, from a cursor in a read-only transaction. */
    @Transactional(readOnly = true)
    public void forEach(Viewer viewer, LeadQuery q, int limit, Consumer<? super LeadExportRow> row) {
        rows.forEach(viewer, filter(q), limit, row);
    }

    private static LeadRepository.Filter filter(LeadQuery q) {
        return new LeadRepository.Filter(q.status(), q.ownerRepId(), q.teamId(), q.text(), q.pooled(), q.duplicates(), 0, 0);
    }
}
