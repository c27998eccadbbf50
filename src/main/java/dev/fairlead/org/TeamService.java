package dev.fairlead.org;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.persistence.TeamRepository;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams in a hierarchy (company → region → team), read and changed within the viewer's scope. */
@Service
public class TeamService {

    private final TeamRepository teams;
    private final AuditTrail audit;
    private final Validator validator;

    TeamService(TeamRepository teams, AuditTrail audit, Validator validator) {
        this.teams = teams;
        this.audit = audit;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    public List<Team> list(Viewer viewer, boolean includeInactive) {
        return teams.findVisible(viewer, includeInactive);
    }

    @Transactional(readOnly = true)
    public Team get(Viewer viewer, long id) {
        return teams.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("team", id));
    }

    /** For each team: its id and the ids of every team above it, nearest first (system read, no scope). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<Long>> ancestry(java.util.Collection<Long> teamIds) {
        return teams.ancestry(teamIds);
    }

    @Transactional
    public Team create(Viewer viewer, TeamCommand cmd) {
        requireOrgRole(viewer);
        validate(viewer, cmd, null);
        long id = teams.insert(cmd);
        Team created = teams.find(id).orElseThrow();
        audit.record(Change.created("team", id, id, null, created));
        return created;
    }

    @Transactional
    public Team update(Viewer viewer, long id, TeamCommand cmd) {
        requireOrgRole(viewer);
        Team before = get(viewer, id);
        if (viewer.role() == Role.MANAGER && before.id() == viewer.scopeTeamId()) {
            throw new ForbiddenException("A manager cannot restructure the team they manage");
        }
        validate(viewer, cmd, id);
        if (!teams.update(id, cmd)) {
            throw new ConflictException("stale", "Team " + id + " was changed by someone else; reload and try again");
        }
        Team after = teams.find(id).orElseThrow();
        audit.record(Change.updated("team", id, id, null, before, after));
        return after;
    }

    /** Teams are never deleted, only deactivated, and only when nothing active hangs below them. */
    @Transactional
    public Team deactivate(Viewer viewer, long id, String reason) {
        requireOrgRole(viewer);
        Team before = get(viewer, id);
        if (viewer.role() == Role.MANAGER && before.id() == viewer.scopeTeamId()) {
            throw new ForbiddenException("A manager cannot deactivate the team they manage");
        }
        if (before.activeReps() > 0 || teams.activeChildren(id) > 0) {
            throw new ConflictException("team.notEmpty", "Team " + id + " still has active reps or sub-teams");
        }
        teams.setActive(id, false);
        Team after = teams.find(id).orElseThrow();
        audit.record(Change.updated("team", id, id, null, before, after).as("DEACTIVATE").because(reason));
        return after;
    }

    private void validate(Viewer viewer, TeamCommand cmd, Long id) {
        List<FieldProblem> problems = new java.util.ArrayList<>(Validation.check(validator, cmd));
        if (problems.isEmpty()) {
            if (cmd.kind() == TeamKind.COMPANY && cmd.parentId() != null) {
                problems.add(FieldProblem.of("parentId", "team.company.noParent"));
            } else if (cmd.kind() != TeamKind.COMPANY && cmd.parentId() == null) {
                problems.add(FieldProblem.of("parentId", "validation.required"));
            } else if (cmd.parentId() != null) {
                checkParent(viewer, cmd, id, problems);
            }
            if (cmd.kind() == TeamKind.COMPANY && viewer.role() == Role.MANAGER) {
                problems.add(FieldProblem.of("kind", "team.company.forbidden"));
            }
            if (teams.nameTakenAmongSiblings(cmd.parentId(), cmd.name(), id)) {
                problems.add(FieldProblem.of("name", "team.name.taken"));
            }
        }
        Validation.throwIfAny(problems);
    }

    private void checkParent(Viewer viewer, TeamCommand cmd, Long id, List<FieldProblem> problems) {
        Team parent = teams.findVisible(viewer, cmd.parentId()).filter(Team::active).orElse(null);
        if (parent == null || (viewer.isRep())) {
            problems.add(FieldProblem.of("parentId", "team.parent.unknown"));
        } else if (!cmd.kind().mayHaveParent(parent.kind())) {
            problems.add(FieldProblem.of("parentId", "team.parent.kind", cmd.kind(), parent.kind()));
        } else if (id != null && teams.inSubtree(id, parent.id())) {
            problems.add(FieldProblem.of("parentId", "team.parent.cycle"));
        }
    }

    static void requireOrgRole(Viewer viewer) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Role " + viewer.role() + " cannot change the organisation");
        }
    }
}
