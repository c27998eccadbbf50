package dev.fairlead.insights;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.insights.domain.ReportCalendar;
import dev.fairlead.insights.persistence.ReportRepository;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the scheduled reports that are due, on one node at a time (ShedLock), one schedule and language per
 * transaction: for each enabled schedule whose period is due ({@link ReportCalendar}) it renders the report in
 * each language its subscribers read (the company's default when it has none), stores it — the partial unique
 * index keeps one scheduled report per unit, period and language whatever the number of runs or nodes — and,
 * only when this run stored it, tells that language's subscribers through notify (inbox and e-mail, with the
 * download link).
 */
@Service
public class ReportJob {

    private final ReportRepository repository;
    private final ReportFigures figures;
    private final Reports reports;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final JobRunner jobs;
    private final Clock clock;
    private final Locale defaultLocale;

    ReportJob(ReportRepository repository, ReportFigures figures, Reports reports, Notifications notifications,
            TransactionTemplate transactions, JobRunner jobs, Clock clock,
            @Value("${fairlead.reports.default-locale:zh-CN}") String defaultLocale) {
        this.repository = repository;
        this.figures = figures;
        this.reports = reports;
        this.notifications = notifications;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.defaultLocale = Locale.forLanguageTag(defaultLocale);
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.insights-reports.interval:PT1H}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "insights-reports", lockAtMostFor = "PT50M")
    void scheduled() {
        jobs.run("insights-reports", this::generateDue);
    }

    /** Makes every scheduled report that is due and not stored yet; returns how many renderings were stored. */
    public int generateDue() {
        LocalDate today = LocalDate.now(clock);
        int stored = 0;
        for (ReportRepository.ScheduleRow schedule : repository.enabledSchedules()) {
            Optional<Period> due = ReportCalendar.due(PeriodKind.valueOf(schedule.kind()), schedule.weekday(), today);
            if (due.isEmpty()) {
                continue;
            }
            for (Map.Entry<Locale, List<ReportRepository.SubscriberRow>> language : byLanguage(schedule.id()).entrySet()) {
                Integer n = transactions.execute(status -> generate(schedule, due.get(), language.getKey(), language.getValue()));
                stored += n == null ? 0 : n;
            }
        }
        return stored;
    }

    private int generate(ReportRepository.ScheduleRow schedule, Period period, Locale locale, List<ReportRepository.SubscriberRow> to) {
        if (repository.scheduledExists(schedule.teamId(), schedule.kind(), period.start(), locale.toLanguageTag())) {
            return 0;
        }
        ReportContent content = figures.content(schedule.teamId(), period);
        Optional<Long> id = reports.store(content, locale, "SCHEDULED", "system");
        if (id.isEmpty()) {
            return 0;
        }
        String unit = reports.unitName(content, locale);
        for (ReportRepository.SubscriberRow s : to) {
            notifications.toUser(s.userId(), Notice.of("insights-report-" + schedule.kind().toLowerCase(Locale.ROOT),
                    "/insights/reports#report-" + id.get(), unit, period.label(), id.get()));
        }
        return 1;
    }

    /** The schedule's subscribers by the language they read (zh-CN or en); the default language alone when it has none. */
    private Map<Locale, List<ReportRepository.SubscriberRow>> byLanguage(long scheduleId) {
        Map<Locale, List<ReportRepository.SubscriberRow>> map = new LinkedHashMap<>();
        for (ReportRepository.SubscriberRow s : repository.subscribers(scheduleId)) {
            Locale locale = Reports.locale(null, Locale.forLanguageTag(s.locale() == null ? "en" : s.locale()));
            map.computeIfAbsent(locale, l -> new ArrayList<>()).add(s);
        }
        if (map.isEmpty()) {
            map.put(Reports.locale(null, defaultLocale), List.of());
        }
        return map;
    }
}
