package dev.fairlead.filters;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.filters.persistence.SavedFilterRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's saved filters of the lead, task and deal lists. Nobody sees or deletes another
 * user's filters (not even an admin: they are a person's bookmarks, not data). Saving and deleting
 * are audited.
 */
@Service
public class SavedFilterService {

    /** Filters one user may keep per list: a dropdown, not an archive. */
    public static final int MAX_PER_LIST = 50;

    private final SavedFilterRepository filters;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;

    SavedFilterService(SavedFilterRepository filters, AuditTrail audit, Validator validator, Clock clock) {
        this.filters = filters;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /** The viewer's filters of {@code list} ({@code null}: of every list), by name. */
    @Transactional(readOnly = true)
    public List<SavedFilter> list(Viewer viewer, FilteredList list) {
        return filters.ofUser(viewer.userId(), list);
    }

    @Transactional
    public SavedFilter save(Viewer viewer, SavedFilterCommand cmd) {
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (cmd.query() != null && !cmd.query().matches("[^#\\p{Cntrl}]*")) {
            problems.add(FieldProblem.of("query", "filters.query.invalid"));
        }
        if (problems.isEmpty() && filters.exists(viewer.userId(), cmd.list(), cmd.name())) {
            problems.add(FieldProblem.of("name", "filters.name.taken", cmd.name()));
        }
        if (problems.isEmpty() && filters.ofUser(viewer.userId(), cmd.list()).size() >= MAX_PER_LIST) {
            problems.add(FieldProblem.of("name", "filters.tooMany", MAX_PER_LIST));
        }
        Validation.throwIfAny(problems);
        long id;
        try {
            id = filters.insert(viewer.userId(), cmd.list(), cmd.name(), cmd.query(), clock.instant());
        } catch (DuplicateKeyException raced) {
            throw dev.fairlead.common.InvalidInputException.of("name", "filters.name.taken", cmd.name());
        }
        SavedFilter saved = filters.find(viewer.userId(), id).orElseThrow();
        audit.record(Change.created("saved_filter", id, viewer.teamId(), viewer.repId(), snapshot(viewer, saved)));
        return saved;
    }

    /** Deletes one of the viewer's filters; another user's is not found. */
    @Transactional
    public SavedFilter delete(Viewer viewer, long id) {
        SavedFilter filter = filters.find(viewer.userId(), id).orElseThrow(() -> new NotFoundException("saved filter", id));
        filters.delete(viewer.userId(), id);
        audit.record(new Change("DELETE", "saved_filter", String.valueOf(id), viewer.teamId(), viewer.repId(),
                snapshot(viewer, filter), null, null));
        return filter;
    }

    private static Map<String, Object> snapshot(Viewer viewer, SavedFilter filter) {
        return Map.of("user", viewer.username(), "list", filter.list().name(), "name", filter.name(), "query", filter.query());
    }
}
