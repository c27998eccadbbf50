package dev.fairlead.performance;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Period;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.DealWon;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.performance.persistence.PointsRepository;
import dev.fairlead.work.FirstContactMade;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpLogged;
import dev.fairlead.work.TaskDone;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incentive points (decision 0503): credited from the events work and deals publish, at the points the
 * company-wide policy gives the action, once per source record (a unique key, so a redelivered event
 * credits nothing); one-off awards by a rep's managers with a reason (audited); ledgers by data scope.
 */
@Service
public class PointsService {

    /** The most lines a ledger answers. */
    public static final int LEDGER_LIMIT = 500;

    private final PointsRepository points;
    private final RepService reps;
    private final TeamService teams;
    private final AuditTrail audit;
    private final Clock clock;

    PointsService(PointsRepository points, RepService reps, TeamService teams, AuditTrail audit, Clock clock) {
        this.points = points;
        this.reps = reps;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(FollowUpLogged e) {
        if (e.kind() == FollowUpKind.VISIT && e.repId() != null) {
            credit(e.repId(), PointsAction.VISIT, "follow_up", e.followUpId(), e.occurredAt());
        }
    }

    @ApplicationModuleListener
    void on(FirstContactMade e) {
        if (e.withinSla()) {
            credit(e.repId(), PointsAction.FIRST_CONTACT, "sla_timer", e.timerId(), e.at());
        }
    }

    @ApplicationModuleListener
    void on(DealWon e) {
        credit(e.repId(), PointsAction.DEAL_WON, "deal", e.dealId(), e.at());
    }

    @ApplicationModuleListener
    void on(TaskDone e) {
        credit(e.repId(), PointsAction.TASK_DONE, "task", e.taskId(), e.at());
    }

    /** Credits the policy's points for the action from a source record, unless it credited already or the action pays nothing. */
    @Transactional
    public boolean credit(long repId, PointsAction action, String sourceType, long sourceId, Instant occurredAt) {
        int worth = points.policy().points().getOrDefault(action, 0);
        return worth > 0 && points.credit(repId, worth, action, sourceType, sourceId, occurredAt, clock.instant());
    }

    @Transactional(readOnly = true)
    public PointsPolicy policy() {
        return points.policy();
    }

    /** Sets points per action (directors and admins; audited with before and after); actions not named keep their points. */
    @Transactional
    public PointsPolicy setPolicy(Viewer viewer, Map<PointsAction, Integer> changes) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only directors and admins set the points policy: it pays every rep of the company");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (changes == null || changes.isEmpty()) {
            problems.add(FieldProblem.of("points", "incentives.policy.empty"));
        } else {
            changes.forEach((action, value) -> {
                if (action == null || action == PointsAction.AWARD) {
                    problems.add(FieldProblem.of("points", "incentives.policy.action"));
                } else if (value == null || value < 0 || value > 1000) {
                    problems.add(FieldProblem.of("points." + action.name(), "incentives.policy.range", 0, 1000));
                }
            });
        }
        Validation.throwIfAny(problems);
        PointsPolicy before = points.policy();
        Instant now = clock.instant();
        changes.forEach((action, value) -> points.setPolicy(action, value, viewer.username(), now));
        PointsPolicy after = points.policy();
        audit.record(Change.updated("points_policy", "company", null, null, new EnumMap<>(before.points()), new EnumMap<>(after.points())));
        return after;
    }

    /**
     * A one-off award to a rep of the viewer's team (managers, for their team and below; directors and
     * admins, anyone), with a reason; audited. A rep out of the manager's scope is not found.
     */
    @Transactional
    public PointsEntry award(Viewer viewer, PointsAward award) {
        if (viewer.role() != Role.MANAGER && !viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only managers, directors and admins grant points awards");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (award == null || award.repId() == null) {
            problems.add(FieldProblem.of("repId", "incentives.award.rep"));
        }
        if (award == null || award.points() == null || award.points() < 1 || award.points() > 1000) {
            problems.add(FieldProblem.of("points", "incentives.award.points", 1, 1000));
        }
        String reason = award == null || award.reason() == null ? "" : award.reason().trim();
        if (reason.isEmpty()) {
            problems.add(FieldProblem.of("reason", "incentives.award.reason"));
        } else if (reason.length() > 500) {
            problems.add(FieldProblem.of("reason", "incentives.award.reasonLong", 500));
        }
        Validation.throwIfAny(problems);
        Rep rep = reps.get(viewer, award.repId());
        if (viewer.repId() != null && viewer.repId() == rep.id()) {
            throw new ForbiddenException("No one awards points to themselves");
        }
        long id = points.award(rep.id(), award.points(), reason, viewer.username(), clock.instant());
        PointsEntry entry = points.find(id);
        audit.record(Change.created("points_award", id, rep.teamId(), rep.id(), entry).because(reason));
        return entry;
    }

    /** A rep's ledger for the period: a rep their own only (another's is not found), a manager their team's reps. */
    @Transactional(readOnly = true)
    public PointsLedger rep(Viewer viewer, long repId, Period period) {
        if (viewer.isRep() && (viewer.repId() == null || viewer.repId() != repId)) {
            throw new NotFoundException("points", repId);
        }
        Rep rep = reps.get(viewer, repId);
        return ledger(viewer, rep.id(), null, period);
    }

    /** The viewer's own ledger (their linked rep's). */
    @Transactional(readOnly = true)
    public PointsLedger mine(Viewer viewer, Period period) {
        if (viewer.repId() == null) {
            throw new NotFoundException("rep", "mine");
        }
        return rep(viewer, viewer.repId(), period);
    }

    /** A team's ledger (sub-teams included) for the period; not for reps. */
    @Transactional(readOnly = true)
    public PointsLedger team(Viewer viewer, long teamId, Period period) {
        if (viewer.isRep()) {
            throw new ForbiddenException("A team's points ledger is for managers, directors, admins and finance; a rep sees their own");
        }
        teams.get(viewer, teamId);
        return ledger(viewer, null, teamId, period);
    }

    /** Points per rep in the period, for the system (leaderboards). */
    Map<Long, Long> sums(List<Long> repIds, Period period) {
        return points.sums(repIds, start(period), end(period));
    }

    private PointsLedger ledger(Viewer viewer, Long repId, Long teamId, Period period) {
        List<PointsEntry> entries = points.entries(viewer, repId, teamId, start(period), end(period), LEDGER_LIMIT);
        List<PointsLedger.RepTotal> totals = points.totals(viewer, repId, teamId, start(period), end(period));
        return new PointsLedger(period.label(), totals.stream().mapToLong(PointsLedger.RepTotal::points).sum(), totals, entries);
    }

    private Instant start(Period period) {
        return period.start().atStartOfDay(clock.getZone()).toInstant();
    }

    private Instant end(Period period) {
        return period.end().atStartOfDay(clock.getZone()).toInstant();
    }
}
