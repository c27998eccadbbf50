package dev.fairlead.performance;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepService;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.fairlead.performance.persistence.PipRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Performance improvement plans: opened by a manager of the rep's team (or a director), checked in on,
 * concluded as passed, extended or ended. Read by the rep, the managers of the rep's team and above,
 * and directors — never by admins or finance, whose roles see everything else. The audit trail keeps
 * who did what and when, but not the plan's goals or notes, since admins read the trail (decision 0505).
 */
@Service
public class PipService {

    static final int MAX_DAYS = 366;
    static final int MAX_EXTENSION_DAYS = 180;

    private final PipRepository pips;
    private final RepService reps;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;
    private final BigDecimal suggestBelow;
    private final int suggestPeriods;

    PipService(PipRepository pips, RepService reps, AuditTrail audit, Validator validator, Clock clock,
            @Value("${fairlead.performance.pip.suggest-below:60}") BigDecimal suggestBelow,
            @Value("${fairlead.performance.pip.suggest-periods:2}") int suggestPeriods) {
        this.pips = pips;
        this.reps = reps;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.suggestBelow = suggestBelow;
        this.suggestPeriods = Math.max(1, suggestPeriods);
    }

    @Transactional(readOnly = true)
    public List<Pip> list(Viewer viewer, Long repId, boolean runningOnly) {
        requireReader(viewer);
        return pips.list(viewer, repId, runningOnly);
    }

    @Transactional(readOnly = true)
    public Pip get(Viewer viewer, long id) {
        requireReader(viewer);
        return pips.find(viewer, id).orElseThrow(() -> new NotFoundException("pip", id));
    }

    /** The rep's running plan, if the viewer may read it. */
    @Transactional(readOnly = true)
    public java.util.Optional<Pip> running(Viewer viewer, long repId) {
        if (!reads(viewer)) {
            return java.util.Optional.empty();
        }
        return pips.list(viewer, repId, true).stream().findFirst().map(p -> get(viewer, p.id()));
    }

    /** Reps below the threshold for the last closed monthly periods, without a running plan: suggestions only. */
    @Transactional(readOnly = true)
    public List<PipSuggestion> suggestions(Viewer viewer) {
        requireWriter(viewer);
        return pips.suggestions(viewer, suggestBelow, suggestPeriods);
    }

    public BigDecimal suggestBelow() {
        return suggestBelow;
    }

    public int suggestPeriods() {
        return suggestPeriods;
    }

    @Transactional
    public Pip open(Viewer viewer, PipCommand cmd) {
        requireWriter(viewer);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        Validation.throwIfAny(problems);
        Rep rep = reps.get(viewer, cmd.repId());
        if (viewer.repId() != null && viewer.repId() == rep.id()) {
            throw new ForbiddenException("A plan is opened for a rep by one of their managers, not by themselves");
        }
        problems.addAll(periodProblems(cmd));
        Set<Object> metrics = new HashSet<>();
        for (PipGoal goal : cmd.goals()) {
            if (!metrics.add(goal.metric())) {
                problems.add(FieldProblem.of("goals", "performance.pip.goalTwice"));
                break;
            }
        }
        if (pips.hasRunning(rep.id())) {
            problems.add(FieldProblem.of("repId", "performance.pip.running", rep.name()));
        }
        Validation.throwIfAny(problems);
        List<LocalDate> dates = cmd.checkInDates() == null ? List.of() : cmd.checkInDates().stream().distinct().sorted().toList();
        long id = pips.insert(rep.id(), rep.teamId(), cmd.startsOn(), cmd.endsOn(), cmd.goals(), trim(cmd.support()), dates,
                viewer.username(), clock.instant());
        Pip opened = get(viewer, id);
        audit.record(Change.created("pip", id, rep.teamId(), rep.id(), summary(opened)));
        return opened;
    }

    @Transactional
    public Pip checkIn(Viewer viewer, long id, PipCheckInCommand cmd) {
        requireWriter(viewer);
        Pip pip = get(viewer, id);
        Validation.throwIfAny(Validation.check(validator, cmd));
        LocalDate today = LocalDate.now(clock);
        LocalDate on = cmd.onDate() == null ? today : cmd.onDate();
        if (!pip.status().running()) {
            throw new ConflictException("performance.pip.closed", "The plan is " + pip.status() + "; a closed plan takes no check-ins");
        }
        if (on.isBefore(pip.startsOn()) || on.isAfter(today) || on.isAfter(pip.endsOn())) {
            throw dev.fairlead.common.InvalidInputException.of("onDate", "performance.pip.checkInDate", pip.startsOn(), today.isBefore(pip.endsOn())
                    ? today : pip.endsOn());
        }
        pips.insertCheckIn(id, on, cmd.progress(), cmd.note().trim(), viewer.username(), clock.instant());
        audit.record(new Change("CHECK_IN", "pip", String.valueOf(id), pip.teamId(), pip.repId(), null,
                Map.of("onDate", on.toString(), "progress", cmd.progress().name()), null));
        return get(viewer, id);
    }

    @Transactional
    public Pip conclude(Viewer viewer, long id, PipOutcomeCommand cmd) {
        requireWriter(viewer);
        Pip pip = get(viewer, id);
        Validation.throwIfAny(Validation.check(validator, cmd));
        if (!pip.status().running()) {
            throw new ConflictException("performance.pip.closed", "The plan is already " + pip.status());
        }
        LocalDate ends = pip.endsOn();
        PipStatus status = switch (cmd.outcome()) {
            case PASSED -> PipStatus.PASSED;
            case ENDED -> PipStatus.ENDED;
            case EXTENDED -> PipStatus.EXTENDED;
        };
        if (cmd.outcome() == PipOutcome.EXTENDED) {
            if (cmd.extendTo() == null || !cmd.extendTo().isAfter(pip.endsOn())
                    || ChronoUnit.DAYS.between(pip.endsOn(), cmd.extendTo()) > MAX_EXTENSION_DAYS) {
                throw dev.fairlead.common.InvalidInputException.of("extendTo", "performance.pip.extendTo", pip.endsOn(), MAX_EXTENSION_DAYS);
            }
            ends = cmd.extendTo();
        }
        if (!pips.conclude(id, status, ends, cmd.note().trim(), viewer.username(), clock.instant(), pip.rowVersion())) {
            throw new ConflictException("stale", "The plan was changed by someone else; reload and try again");
        }
        Pip after = get(viewer, id);
        audit.record(new Change(cmd.outcome().name(), "pip", String.valueOf(id), pip.teamId(), pip.repId(), summary(pip), summary(after), null));
        return after;
    }

    private List<FieldProblem> periodProblems(PipCommand cmd) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!cmd.endsOn().isAfter(cmd.startsOn()) || ChronoUnit.DAYS.between(cmd.startsOn(), cmd.endsOn()) > MAX_DAYS) {
            problems.add(FieldProblem.of("endsOn", "performance.pip.period", MAX_DAYS));
        }
        if (cmd.startsOn().isBefore(LocalDate.now(clock).minusDays(31))) {
            problems.add(FieldProblem.of("startsOn", "performance.pip.startsLate"));
        }
        if (cmd.checkInDates() != null && cmd.checkInDates().stream().anyMatch(d -> d.isBefore(cmd.startsOn()) || d.isAfter(cmd.endsOn()))) {
            problems.add(FieldProblem.of("checkInDates", "performance.pip.checkInOutside"));
        }
        return problems;
    }

    /** What the trail keeps of a plan: its state and dates, not the goals or notes (admins read the trail). */
    private static Map<String, Object> summary(Pip pip) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", pip.status().name());
        summary.put("startsOn", pip.startsOn().toString());
        summary.put("endsOn", pip.endsOn().toString());
        summary.put("checkIns", pip.checkIns().size());
        return summary;
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }

    private static boolean reads(Viewer viewer) {
        return viewer.role() == Role.REP || viewer.role() == Role.MANAGER || viewer.role() == Role.DIRECTOR;
    }

    private static void requireReader(Viewer viewer) {
        if (!reads(viewer)) {
            throw new ForbiddenException("Performance improvement plans are read only by the rep, their managers and directors");
        }
    }

    private static void requireWriter(Viewer viewer) {
        if (viewer.role() != Role.MANAGER && viewer.role() != Role.DIRECTOR) {
            throw new ForbiddenException("Performance improvement plans are opened and kept by the rep's managers and directors");
        }
    }
}
