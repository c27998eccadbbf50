package dev.fairlead.performance;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.performance.domain.Dimension;
import dev.fairlead.performance.domain.SchemeRules;
import dev.fairlead.performance.persistence.SchemeRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KPI schemes, versioned as rule sets are: managers, directors and admins write drafts (and simulate
 * them); directors and admins activate one, which retires the version active before it for the same
 * audience and period kind, or roll back to a retired version. Everyone reads them: the rules are public.
 */
@Service
public class SchemeService {

    /** Period kinds a scheme scores. */
    public static final Set<PeriodKind> KINDS = EnumSet.of(PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER);

    private final SchemeRepository schemes;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;

    SchemeService(SchemeRepository schemes, AuditTrail audit, Validator validator, Clock clock) {
        this.schemes = schemes;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<KpiScheme> list() {
        return schemes.findAll();
    }

    @Transactional(readOnly = true)
    public KpiScheme get(long id) {
        return schemes.find(id).orElseThrow(() -> new NotFoundException("kpiScheme", id));
    }

    /** The active scheme of each audience for the period kind. */
    @Transactional(readOnly = true)
    public Map<Audience, KpiScheme> active(PeriodKind kind) {
        Map<Audience, KpiScheme> byAudience = new HashMap<>();
        schemes.active(kind).forEach(s -> byAudience.put(s.audience(), s));
        return byAudience;
    }

    @Transactional
    public KpiScheme createDraft(Viewer viewer, SchemeCommand cmd) {
        requireWriter(viewer);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        KpiScheme base = null;
        if (cmd.basedOn() != null) {
            base = schemes.find(cmd.basedOn()).orElse(null);
            if (base == null) {
                problems.add(FieldProblem.of("basedOn", "performance.scheme.unknown", cmd.basedOn()));
            }
        }
        Audience audience = cmd.audience() != null ? cmd.audience() : base != null ? base.audience() : null;
        PeriodKind kind = cmd.periodKind() != null ? cmd.periodKind() : base != null ? base.periodKind() : null;
        if (audience == null) {
            problems.add(FieldProblem.of("audience", "performance.scheme.audience"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(FieldProblem.of("periodKind", "performance.scheme.periodKind"));
        }
        List<Dimension> dimensions = cmd.dimensions() != null ? cmd.dimensions() : base != null ? base.dimensions() : List.of();
        if (!dimensions.isEmpty()) {
            problems.addAll(SchemeRules.check(dimensions));
        }
        Validation.throwIfAny(problems);
        String name = cmd.name() != null && !cmd.name().isBlank() ? cmd.name().trim()
                : base != null ? base.name() : audience.name() + " · " + kind.name();
        long id = schemes.insertDraft(audience, kind, name, base == null ? null : base.id(), dimensions, viewer.username(), clock.instant());
        KpiScheme created = get(id);
        audit.record(Change.created("kpiScheme", id, null, null, created));
        return created;
    }

    /** Replaces a draft's name and dimensions, which must score (weights adding up to 100 and so on). */
    @Transactional
    public KpiScheme updateDraft(Viewer viewer, long id, SchemeCommand cmd) {
        requireWriter(viewer);
        KpiScheme before = get(id);
        if (before.status() != SchemeStatus.DRAFT) {
            throw new ConflictException("performance.scheme.notDraft", "Scheme v" + before.version() + " is " + before.status()
                    + "; only drafts can be edited");
        }
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (cmd.dimensions() == null) {
            problems.add(FieldProblem.of("dimensions", "performance.scheme.noDimensions"));
        } else {
            problems.addAll(SchemeRules.check(cmd.dimensions()));
        }
        if (cmd.audience() != null && cmd.audience() != before.audience()) {
            problems.add(FieldProblem.of("audience", "performance.scheme.fixed"));
        }
        if (cmd.periodKind() != null && cmd.periodKind() != before.periodKind()) {
            problems.add(FieldProblem.of("periodKind", "performance.scheme.fixed"));
        }
        Validation.throwIfAny(problems);
        String name = cmd.name() == null || cmd.name().isBlank() ? before.name() : cmd.name().trim();
        if (!schemes.updateDraft(id, name, cmd.dimensions(), cmd.rowVersion())) {
            throw new ConflictException("stale", "Scheme " + id + " was changed by someone else; reload and try again");
        }
        KpiScheme after = get(id);
        audit.record(Change.updated("kpiScheme", id, null, null, before, after));
        return after;
    }

    /**
     * Makes this version the active one for its audience and period kind: from a draft an activation,
     * from a retired version a rollback. The version active before is retired. Open periods are scored
     * by it at once; frozen periods keep the scheme they were frozen with.
     */
    @Transactional
    public KpiScheme activate(Viewer viewer, long id, String reason) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only directors and admins activate or roll back KPI schemes: a scheme scores every rep of its"
                    + " audience. Managers write drafts and simulate them.");
        }
        if (reason != null && reason.length() > 500) {
            throw InvalidInputException.of("reason", "performance.reason.long", 500);
        }
        KpiScheme target = get(id);
        Optional<KpiScheme> current = schemes.lockActive(target.audience(), target.periodKind());
        if (target.status() == SchemeStatus.ACTIVE) {
            return target;
        }
        List<FieldProblem> problems = SchemeRules.check(target.dimensions());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        current.ifPresent(c -> schemes.setStatus(c.id(), SchemeStatus.RETIRED, viewer.username(), clock.instant()));
        schemes.setStatus(id, SchemeStatus.ACTIVE, viewer.username(), clock.instant());
        KpiScheme after = get(id);
        String action = target.status() == SchemeStatus.RETIRED ? "ROLLBACK" : "ACTIVATE";
        audit.record(new Change(action, "kpiScheme", String.valueOf(id), null, null,
                current.map(c -> Map.<String, Object>of("activeVersion", c.version(), "activeId", c.id())).orElse(null),
                Map.of("activeVersion", after.version(), "activeId", after.id(), "audience", after.audience().name(),
                        "periodKind", after.periodKind().name()),
                reason == null || reason.isBlank() ? null : reason.trim()));
        return after;
    }

    static void requireWriter(Viewer viewer) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Only managers, directors and admins write and simulate KPI schemes");
        }
    }
}
