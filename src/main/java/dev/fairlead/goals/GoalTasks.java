package dev.fairlead.goals;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.goals.domain.Decomposition;
import dev.fairlead.goals.domain.WorkingCalendar;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskCommand;
import dev.fairlead.work.TaskService;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import dev.fairlead.goals.persistence.GoalRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a goal into work: "10 new customers this month" becomes, for each rep, one task per
 * remaining week with that week's share (by the rep's working days) of what is still missing,
 * due on the week's last day. Weeks that already got a task from this goal are skipped, so
 * generating again after a re-split only fills the gaps. Tasks are the work module's own.
 */
@Service
public class GoalTasks {

    private static final String DEFAULT_TYPE = "VISIT";

    private final GoalService goals;
    private final GoalActuals actuals;
    private final TaskService tasks;
    private final GoalRepository repository;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Validator validator;
    private final Clock clock;

    GoalTasks(GoalService goals, GoalActuals actuals, TaskService tasks, GoalRepository repository, AuditTrail audit, MessageSource messages,
            Validator validator, Clock clock) {
        this.goals = goals;
        this.actuals = actuals;
        this.tasks = tasks;
        this.repository = repository;
        this.audit = audit;
        this.messages = messages;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public GoalTaskPlan.Result generate(Viewer viewer, long goalId, GoalTaskPlan plan) {
        Goal goal = goals.get(viewer, goalId);
        goals.requireManage(viewer, goal);
        Validation.throwIfAny(Validation.check(validator, plan));
        String type = plan.typeCode() == null || plan.typeCode().isBlank() ? DEFAULT_TYPE : plan.typeCode().trim();
        if (tasks.types().stream().noneMatch(t -> t.code().equals(type))) {
            throw InvalidInputException.of("typeCode", "goal.tasks.type", type);
        }
        List<Goal> repGoals = goal.unit().rep() ? List.of(goal)
                : goals.children(viewer, goalId).stream().map(GoalProgress::goal).filter(g -> g.unit().rep()).toList();
        if (repGoals.isEmpty()) {
            throw InvalidInputException.of("goalId", "goal.tasks.noReps");
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, BigDecimal> actual = actuals.actuals(repGoals);
        List<Long> created = new ArrayList<>();
        int skipped = 0;
        for (Goal repGoal : repGoals) {
            WorkingCalendar calendar = goals.calendarFor(repGoal);
            List<Period> weeks = remainingWeeks(repGoal.period(), today);
            List<Decomposition.Child> weights = weeks.stream().map(w -> Decomposition.Child.weighted(w.label(),
                    BigDecimal.valueOf(calendar.count(w.start().isBefore(today) ? today : w.start(), w.end())))).toList();
            BigDecimal missing = repGoal.target().subtract(actual.getOrDefault(repGoal.id(), BigDecimal.ZERO)).max(BigDecimal.ZERO);
            List<Decomposition.Share> shares = weeks.isEmpty() ? List.of()
                    : Decomposition.split(missing, weights, repGoal.metric().scale()).shares();
            for (int i = 0; i < weeks.size(); i++) {
                Period week = weeks.get(i);
                BigDecimal share = shares.get(i).value();
                if (share.signum() == 0 || alreadyPlanned(repGoal.id(), repGoal.unit().repId(), week.start())) {
                    skipped++;
                    continue;
                }
                Task task = tasks.create(viewer, new TaskCommand(title(repGoal, week, share), description(repGoal, missing, plan.reason()),
                        repGoal.unit().repId(), type, true, week.contains(today), dueAt(week), null, null, null));
                link(repGoal.id(), repGoal.unit().repId(), week.start(), task.id());
                created.add(task.id());
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("typeCode", type);
        after.put("tasks", created);
        audit.record(new Change("TASKS", "goal", String.valueOf(goalId), goal.unit().rep() ? null : goal.unit().teamId(),
                goal.unit().repId(), null, after, plan.reason()));
        return new GoalTaskPlan.Result(goalId, created, skipped);
    }

    /** The weeks of the period (clipped to it) that have not ended yet; a week or day is itself. */
    static List<Period> remainingWeeks(Period period, LocalDate today) {
        List<Period> weeks = period.kind().finerThan(PeriodKind.MONTH) ? List.of(period) : period.children(PeriodKind.WEEK);
        return weeks.stream().filter(w -> w.end().isAfter(today)).toList();
    }

    private java.time.Instant dueAt(Period week) {
        return week.lastDay().atTime(18, 0).atZone(clock.getZone()).toInstant();
    }

    private String title(Goal goal, Period week, BigDecimal share) {
        var locale = LocaleContextHolder.getLocale();
        String metric = messages.getMessage("goal.metric." + goal.metric().name(), null, goal.metric().name(), locale);
        return messages.getMessage("goal.tasks.title", new Object[] {metric, week.label(), share.setScale(goal.metric().scale(),
                RoundingMode.HALF_UP).toPlainString()}, locale);
    }

    private String description(Goal goal, BigDecimal missing, String reason) {
        var locale = LocaleContextHolder.getLocale();
        String text = messages.getMessage("goal.tasks.description", new Object[] {goal.id(), goal.period().label(),
                goal.target().toPlainString(), missing.toPlainString()}, locale);
        return reason == null || reason.isBlank() ? text : text + "\n" + reason.trim();
    }

    private boolean alreadyPlanned(long goalId, long repId, LocalDate weekStart) {
        return repository.taskPlanned(goalId, repId, weekStart);
    }

    private void link(long goalId, long repId, LocalDate weekStart, long taskId) {
        repository.linkTask(goalId, repId, weekStart, taskId, clock.instant());
    }
}
