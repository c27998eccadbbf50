package dev.fairlead.work;

import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.work.persistence.TaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds owners of tasks due within {@code fairlead.work.due-soon} (default 4 h) and of tasks that
 * became overdue, once per task, kind and due time (a moved due date reminds again).
 */
@Service
public class TaskReminders {

    /** How far back the job looks for tasks that became overdue, so a node that was down catches up. */
    private static final Duration OVERDUE_LOOKBACK = Duration.ofDays(30);

    private final TaskRepository tasks;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final JobRunner jobs;
    private final Clock clock;
    private final Duration dueSoon;

    TaskReminders(TaskRepository tasks, Notifications notifications, TransactionTemplate transactions, JobRunner jobs,
            Clock clock, @Value("${fairlead.work.due-soon:PT4H}") Duration dueSoon) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.dueSoon = dueSoon;
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.reminders.interval:PT5M}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "work-task-reminders", lockAtMostFor = "PT15M", lockAtLeastFor = "PT30S")
    void scheduled() {
        jobs.run("work-task-reminders", this::run);
    }

    /** Sends the reminders due now; returns how many were sent. */
    public int run() {
        Instant now = clock.instant();
        int sent = 0;
        for (TaskRepository.Due due : tasks.dueBetween(now, now.plus(dueSoon))) {
            sent += remind(due, "DUE_SOON", now) ? 1 : 0;
        }
        for (TaskRepository.Due due : tasks.dueBetween(now.minus(OVERDUE_LOOKBACK), now)) {
            sent += remind(due, "OVERDUE", now) ? 1 : 0;
        }
        return sent;
    }

    private boolean remind(TaskRepository.Due due, String kind, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!tasks.stillOpen(due.id()) || !tasks.recordReminder(due.id(), kind, due.dueAt(), now)) {
                return false;
            }
            notifications.toRep(due.ownerRepId(), Notice.of("work.task." + kind, "/tasks", due.title(), due.dueAt()));
            return true;
        }));
    }
}
