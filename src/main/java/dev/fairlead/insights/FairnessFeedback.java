package dev.fairlead.insights;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.insights.domain.FeedbackSummary;
import dev.fairlead.insights.persistence.FeedbackRepository;
import dev.fairlead.insights.persistence.Scope;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous fairness feedback (decision 0603). Managers (for their teams), directors and admins open a
 * cycle; the active reps of the team and below are told through notify and answer once; the answer is
 * stored under a one-way token, not the rep, with the day only, and is not audited (an audit row would
 * name the rep). Results only for a closed cycle with at least five answers, never per person.
 */
@Service
public class FairnessFeedback {

    private static final int MAX_PERIOD_DAYS = 366;

    private final FeedbackRepository repository;
    private final FeedbackTokens tokens;
    private final TeamService teams;
    private final Dashboards dashboards;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FairnessFeedback(FeedbackRepository repository, FeedbackTokens tokens, TeamService teams, Dashboards dashboards,
            Notifications notifications, AuditTrail audit, Validator validator, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.tokens = tokens;
        this.teams = teams;
        this.dashboards = dashboards;
        this.notifications = notifications;
        this.audit = audit;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Feedback.Cycle open(Viewer viewer, Feedback.OpenCycle cmd) {
        requireManager(viewer);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        Validation.throwIfAny(problems);
        Team team = teams.get(viewer, cmd.teamId());
        LocalDate today = today();
        LocalDate closesOn = cmd.closesOn() != null ? cmd.closesOn() : cmd.periodEnd().plusDays(7);
        if (cmd.periodEnd().isBefore(cmd.periodStart())) {
            problems.add(FieldProblem.of("periodEnd", "insights.feedback.invalid.periodEnd"));
        } else if (ChronoUnit.DAYS.between(cmd.periodStart(), cmd.periodEnd()) >= MAX_PERIOD_DAYS) {
            problems.add(FieldProblem.of("periodEnd", "insights.feedback.invalid.periodLength", MAX_PERIOD_DAYS));
        }
        if (closesOn.isBefore(today) || closesOn.isBefore(cmd.periodStart()) || closesOn.isAfter(today.plusDays(MAX_PERIOD_DAYS))) {
            problems.add(FieldProblem.of("closesOn", "insights.feedback.invalid.closesOn"));
        }
        Validation.throwIfAny(problems);
        long id = repository.insert(team.id(), cmd.periodStart(), cmd.periodEnd(), closesOn, viewer.username(), clock.instant());
        Feedback.Cycle cycle = cycle(repository.cycle(id).orElseThrow(), null);
        audit.record(Change.created("feedback-cycle", id, team.id(), null, cycle));
        for (long repId : repository.members(team.id())) {
            notifications.toRep(repId, Notice.of("insights-feedback", cycle.link(), team.name(), cycle.periodStart(), cycle.periodEnd(),
                    cycle.closesOn()));
        }
        return cycle;
    }

    /** Cycles the viewer may see: a rep those of their team (with whether they answered), others those of teams in scope. */
    @Transactional(readOnly = true)
    public List<Feedback.Cycle> list(Viewer viewer) {
        if (viewer.isRep()) {
            return viewer.repId() == null ? List.of() : repository.cyclesOfRep(viewer.repId(), 100).stream()
                    .map(c -> cycle(c, repository.answered(c.id(), tokens.token(c.id(), viewer.repId())))).toList();
        }
        if (!viewer.seesAll() && viewer.teamId() == null) {
            return List.of();
        }
        return repository.cycles(viewer.seesAll() ? -1 : viewer.teamId(), 200).stream().map(c -> cycle(c, null)).toList();
    }

    @Transactional(readOnly = true)
    public Feedback.Cycle get(Viewer viewer, long id) {
        FeedbackRepository.CycleRow row = visible(viewer, id);
        return cycle(row, viewer.isRep() ? repository.answered(id, tokens.token(id, viewer.repId())) : null);
    }

    /** A rep of the cycle's team answers, once, while it is open. */
    @Transactional
    public Feedback.Cycle answer(Viewer viewer, long id, Feedback.Answer answer) {
        if (!viewer.isRep()) {
            throw new ForbiddenException("Only the reps of the team answer the fairness question");
        }
        FeedbackRepository.CycleRow row = visible(viewer, id);
        Validation.throwIfAny(Validation.check(validator, answer));
        LocalDate today = today();
        if (today.isAfter(row.closesOn())) {
            throw new ConflictException("insights.feedback.closed", text("insights.feedback.closed"));
        }
        String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        if (!repository.answer(id, tokens.token(id, viewer.repId()), answer.score(), comment, today)) {
            throw new ConflictException("insights.feedback.answered", text("insights.feedback.answered"));
        }
        return cycle(repository.cycle(id).orElseThrow(), true);
    }

    @Transactional(readOnly = true)
    public Feedback.Results results(Viewer viewer, long id) {
        requireManager(viewer);
        Feedback.Cycle cycle = cycle(visible(viewer, id), null);
        List<FeedbackSummary.Answer> answers = repository.answers(id).stream()
                .map(a -> new FeedbackSummary.Answer(a.score(), a.comment())).toList();
        FeedbackSummary summary = FeedbackSummary.of(answers, !cycle.open(), random);
        Period period = new Period(PeriodKind.DAY, cycle.periodStart(), cycle.periodEnd().plusDays(1));
        return Feedback.Results.of(cycle, summary, dashboards.fairness(Scope.team(cycle.teamId()), period));
    }

    /** The cycle if the viewer may see it: a rep of its team, or someone whose scope holds its team; else not found. */
    private FeedbackRepository.CycleRow visible(Viewer viewer, long id) {
        FeedbackRepository.CycleRow row = repository.cycle(id).orElseThrow(() -> new NotFoundException("feedback cycle", id));
        if (viewer.isRep()) {
            if (viewer.repId() == null || !repository.isMember(viewer.repId(), row.teamId())) {
                throw new NotFoundException("feedback cycle", id);
            }
        } else {
            teams.get(viewer, row.teamId());
        }
        return row;
    }

    private Feedback.Cycle cycle(FeedbackRepository.CycleRow c, Boolean answered) {
        return new Feedback.Cycle(c.id(), c.teamId(), c.teamName(), c.periodStart(), c.periodEnd(), c.closesOn(),
                !today().isAfter(c.closesOn()), c.answers(), answered, c.openedBy(), c.openedAt(), "/insights/feedback/" + c.id());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static void requireManager(Viewer viewer) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Fairness feedback cycles are opened and read by managers, directors and admins");
        }
    }
}
