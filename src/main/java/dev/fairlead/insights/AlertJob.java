package dev.fairlead.insights;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.goals.GoalProgress;
import dev.fairlead.goals.GoalService;
import dev.fairlead.insights.domain.AlertChecks;
import dev.fairlead.insights.domain.PaceProjection;
import dev.fairlead.insights.persistence.AlertFigures;
import dev.fairlead.insights.persistence.AlertRepository;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every enabled alert rule, one rule per transaction, on one node at a time (ShedLock):
 * opens an alert for each subject the condition holds for (the unique index keeps one open alert per
 * rule and subject, so a second run opens none), refreshes its figures while it holds, closes it when it
 * clears, and tells the team's managers through notify, outside the rule's quiet hours; a snoozed alert
 * that still holds when the snooze ends is sent again.
 */
@Service
public class AlertJob {

    private final AlertRepository alerts;
    private final AlertFigures figures;
    private final GoalService goals;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final JobRunner jobs;
    private final Clock clock;

    AlertJob(AlertRepository alerts, AlertFigures figures, GoalService goals, Notifications notifications,
            TransactionTemplate transactions, JobRunner jobs, Clock clock) {
        this.alerts = alerts;
        this.figures = figures;
        this.goals = goals;
        this.notifications = notifications;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** What holds for one subject: who or what, why (the figures) and the records behind it. */
    record Finding(String subjectKind, long subjectId, String subjectName, Map<String, Object> figures, String link) {

        String key() {
            return subjectKind + ":" + subjectId;
        }
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.insights-alerts.interval:PT15M}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "insights-alerts", lockAtMostFor = "PT30M")
    void scheduled() {
        jobs.run("insights-alerts", this::evaluateAll);
    }

    /** Evaluates every enabled rule now; returns how many alerts were opened. */
    public int evaluateAll() {
        int opened = 0;
        for (AlertRule rule : alerts.enabledRules()) {
            Integer n = transactions.execute(status -> evaluate(rule));
            opened += n == null ? 0 : n;
        }
        return opened;
    }

    int evaluate(AlertRule rule) {
        Instant now = clock.instant();
        List<Finding> findings = findings(rule, now);
        Map<String, Alert> open = new LinkedHashMap<>();
        alerts.openAlerts(rule.id()).forEach(a -> open.put(a.subjectKind() + ":" + a.subjectId(), a));
        int opened = 0;
        Set<String> holding = new HashSet<>();
        for (Finding f : findings) {
            holding.add(f.key());
            Alert existing = open.get(f.key());
            if (existing == null) {
                opened += alerts.open(rule, f.subjectKind(), f.subjectId(), f.subjectName(), f.figures(), f.link(), now).isPresent() ? 1 : 0;
            } else {
                alerts.refresh(existing.id(), f.figures());
            }
        }
        alerts.close(open.values().stream().filter(a -> !holding.contains(a.subjectKind() + ":" + a.subjectId())).map(Alert::id).toList(), now);
        if (!rule.quietAt(LocalTime.ofInstant(now, clock.getZone()))) {
            alerts.openAlerts(rule.id()).stream()
                    .filter(a -> a.notifiedAt() == null || (a.snoozedUntil() != null && !a.snoozedUntil().isAfter(now)))
                    .forEach(a -> notify(rule, a, now));
        }
        return opened;
    }

    private void notify(AlertRule rule, Alert alert, Instant now) {
        notifications.toManagersOf(rule.teamId(), Notice.of("insights-alert-" + rule.kind().name().toLowerCase().replace('_', '-'),
                "/insights/alerts#alert-" + alert.id(), args(rule, alert)));
        alerts.notified(alert.id(), now);
    }

    /** Subject, team, then the figures in the order they were found: the message bundle's {0}, {1}, {2}… */
    private static Object[] args(AlertRule rule, Alert alert) {
        List<Object> args = new ArrayList<>(List.of(alert.subjectName(), rule.teamName()));
        args.addAll(java.util.Arrays.asList(alert.figureValues()));
        return args.toArray();
    }

    List<Finding> findings(AlertRule rule, Instant now) {
        double t = rule.threshold().doubleValue();
        double t2 = rule.threshold2().doubleValue();
        List<Finding> found = new ArrayList<>();
        switch (rule.kind()) {
            case BEHIND_PACE -> behindPace(rule, t, t2, found);
            case ACTIVITY_DROP -> figures.followUps(rule.teamId(), now).stream()
                    .filter(r -> AlertChecks.activityDrop(r.count(), r.other(), t))
                    .forEach(r -> found.add(rep(r, "/leads?ownerRepId=" + r.repId(), "followUpsThisWeek", r.count(),
                            "weeklyAverage", Math.round(r.other() / 4.0 * 10) / 10.0)));
            case AGING_LEADS -> figures.untouched(rule.teamId(), now, (int) t2).stream()
                    .filter(r -> AlertChecks.agingLeads(r.count(), t))
                    .forEach(r -> found.add(rep(r, "/leads?ownerRepId=" + r.repId(), "untouchedLeads", r.count(), "days", (int) t2)));
            case SLA_BREACHES -> figures.breaches(rule.teamId(), now, (int) Math.max(1, t2)).stream()
                    .filter(r -> AlertChecks.slaBreaches(r.count(), t))
                    .forEach(r -> found.add(rep(r, "/sla?status=BREACHED", "breaches", r.count(), "days", (int) Math.max(1, t2))));
            case OVERLOAD -> figures.load(rule.teamId()).stream()
                    .filter(r -> AlertChecks.overload(r.count(), (int) r.other(), t))
                    .forEach(r -> found.add(rep(r, "/leads?ownerRepId=" + r.repId(), "openLeads", r.count(), "capacity", r.other())));
            case POOL_GROWTH -> figures.poolFlows(rule.teamId(), now).stream()
                    .filter(p -> AlertChecks.poolGrowth(p.in(), p.out(), t))
                    .forEach(p -> found.add(new Finding("POOL", p.poolId(), p.poolName(),
                            ordered("inLast7Days", p.in(), "claimedLast7Days", p.out()), "/pool/" + p.poolId())));
        }
        return found;
    }

    private void behindPace(AlertRule rule, double below, double minElapsed, List<Finding> found) {
        LocalDate today = LocalDate.now(clock);
        for (GoalProgress p : goals.dashboard(Viewer.system(), rule.teamId(), null)) {
            if (!p.goal().unit().rep()) {
                continue;
            }
            PaceProjection pace = PaceProjection.of(p.goal().target(), p.actual(), p.elapsed(),
                    PaceProjection.workingDaysLeft(today, p.goal().period().end()));
            if (AlertChecks.behindPace(pace.projectedAttainment(), p.elapsed(), below, minElapsed)) {
                found.add(new Finding("REP", p.goal().unit().repId(), p.goal().unit().name(), ordered(
                        "goalId", p.goal().id(), "metric", p.goal().metric().name(), "target", p.goal().target(), "actual", p.actual(),
                        "projected", pace.projected(), "projectedAttainmentPercent", percent(pace.projectedAttainment()),
                        "elapsedPercent", percent(p.elapsed())), "/goals/" + p.goal().id()));
            }
        }
    }

    private static Finding rep(AlertFigures.RepCount r, String link, Object... keyValues) {
        return new Finding("REP", r.repId(), r.repName(), ordered(keyValues), link);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A share as a percentage with one decimal. */
    private static double percent(double share) {
        return Math.round(share * 1000) / 10.0;
    }
}
