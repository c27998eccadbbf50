package dev.fairlead.org;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.persistence.RepRepository;
import dev.fairlead.org.persistence.TeamRepository;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reps and their routing profile: tier, skills, territories, capacity, working days and absences. */
@Service
public class RepService {

    private final RepRepository reps;
    private final TeamRepository teams;
    private final ChinaDivisions divisions;
    private final AuditTrail audit;
    private final Validator validator;

    RepService(RepRepository reps, TeamRepository teams, ChinaDivisions divisions, AuditTrail audit, Validator validator) {
        this.reps = reps;
        this.teams = teams;
        this.divisions = divisions;
        this.audit = audit;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    public List<Rep> list(Viewer viewer, RepQuery query) {
        return reps.findVisible(viewer, new RepRepository.Filter(query.teamId(), query.text(), query.tier(), query.active()));
    }

    /** How many reps {@link #list} gives for the query: an export counts before it streams. */
    @Transactional(readOnly = true)
    public long count(Viewer viewer, RepQuery query) {
        return reps.countVisible(viewer, filter(query));
    }

    /** The reps of {@link #list} one at a time from a cursor (without territories and absences), at most {@code limit}. */
    @Transactional(readOnly = true)
    public void forEach(Viewer viewer, RepQuery query, int limit, java.util.function.Consumer<? super Rep> each) {
        reps.forEachVisible(viewer, filter(query), limit, each);
    }

    private static RepRepository.Filter filter(RepQuery query) {
        return new RepRepository.Filter(query.teamId(), query.text(), query.tier(), query.active());
    }

    @Transactional(readOnly = true)
    public Rep get(Viewer viewer, long id) {
        return reps.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("rep", id));
    }

    /** The rep's team and working days, for the system (no viewer scope); 404 when there is no such rep. */
    public RepSchedule schedule(long repId) {
        return reps.schedule(repId).orElseThrow(() -> new NotFoundException("rep", repId));
    }

    /**
     * A number that changes whenever anything {@link #forRouting} or {@link TeamService#ancestry}
     * returns may have changed (on any node): reps, their territories and absences, teams. Read it
     * before the roster it labels; one statement, no transaction of its own.
     */
    public long rosterVersion() {
        return reps.orgVersion();
    }

    /**
     * Reps as routing needs them, for the system (no viewer scope): every active rep when
     * {@code allActive}, plus every rep in the given teams (with sub-teams) and the named reps, active
     * or not, so an explanation can say who was left out and why. Ordered by id.
     */
    @Transactional(readOnly = true)
    public List<Rep> forRouting(boolean allActive, java.util.Collection<Long> teamIds, java.util.Collection<Long> repIds) {
        return reps.findForRouting(allActive, teamIds, repIds);
    }

    @Transactional
    public Rep create(Viewer viewer, RepCommand cmd) {
        TeamService.requireOrgRole(viewer);
        RepCommand clean = validated(viewer, cmd, null);
        long id = reps.insert(clean);
        Rep created = reps.find(id).orElseThrow();
        audit.record(Change.created("rep", id, created.teamId(), id, created));
        return created;
    }

    @Transactional
    public Rep update(Viewer viewer, long id, RepCommand cmd) {
        TeamService.requireOrgRole(viewer);
        Rep before = get(viewer, id);
        RepCommand clean = validated(viewer, cmd, id);
        if (!reps.update(id, clean)) {
            throw new ConflictException("stale", "Rep " + id + " was changed by someone else; reload and try again");
        }
        Rep after = reps.find(id).orElseThrow();
        audit.record(Change.updated("rep", id, after.teamId(), id, before, after));
        return after;
    }

    @Transactional
    public Rep addAbsence(Viewer viewer, long repId, AbsenceCommand cmd) {
        TeamService.requireOrgRole(viewer);
        Rep before = get(viewer, repId);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (problems.isEmpty() && cmd.endsOn().isBefore(cmd.startsOn())) {
            problems.add(FieldProblem.of("endsOn", "absence.endsBeforeStart"));
        }
        Validation.throwIfAny(problems);
        reps.addAbsence(repId, cmd);
        Rep after = reps.find(repId).orElseThrow();
        audit.record(Change.updated("rep", repId, after.teamId(), repId, before, after).as("ADD_ABSENCE").because(cmd.reason()));
        return after;
    }

    @Transactional
    public Rep removeAbsence(Viewer viewer, long repId, long absenceId) {
        TeamService.requireOrgRole(viewer);
        Rep before = get(viewer, repId);
        if (!reps.removeAbsence(repId, absenceId)) {
            throw new NotFoundException("absence", absenceId);
        }
        Rep after = reps.find(repId).orElseThrow();
        audit.record(Change.updated("rep", repId, after.teamId(), repId, before, after).as("REMOVE_ABSENCE"));
        return after;
    }

    /** Checks every field, returns the command with territories in canonical form, or throws with all problems. */
    private RepCommand validated(Viewer viewer, RepCommand cmd, Long id) {
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        List<Territory> canonical = new ArrayList<>();
        if (cmd.teamId() != null) {
            Optional<Team> team = teams.findVisible(viewer, cmd.teamId()).filter(Team::active);
            if (team.isEmpty() || viewer.isRep()) {
                problems.add(FieldProblem.of("teamId", "rep.team.unknown"));
            }
        }
        if (cmd.maxNewPerDay() != null && cmd.maxNewPerMonth() != null && cmd.maxNewPerDay() > cmd.maxNewPerMonth()) {
            problems.add(FieldProblem.of("maxNewPerDay", "rep.caps.dayOverMonth"));
        }
        for (int i = 0; i < cmd.territories().size(); i++) {
            Territory t = cmd.territories().get(i);
            if (t == null || t.kind() == null || t.code() == null) {
                continue;
            }
            Optional<Territory> c = divisions.canonical(t);
            if (c.isPresent()) {
                canonical.add(c.get());
            } else {
                problems.add(FieldProblem.of("territories[" + i + "].code", "rep.territory.unknown", t.code()));
            }
        }
        if (reps.emailTaken(cmd.email(), id)) {
            problems.add(FieldProblem.of("email", "rep.email.taken"));
        }
        Validation.throwIfAny(problems);
        return new RepCommand(cmd.teamId(), cmd.name(), cmd.email(), cmd.phone(), cmd.tier(), cmd.industries(),
                cmd.products(), cmd.languages(), cmd.weight(), cmd.maxOpenLeads(), cmd.maxNewPerDay(),
                cmd.maxNewPerMonth(), cmd.workingDays(), cmd.hireDate(), cmd.active(), canonical, cmd.version());
    }
}
