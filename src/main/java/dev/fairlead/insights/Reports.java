package dev.fairlead.insights;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.insights.persistence.ReportRepository;
import dev.fairlead.org.TeamService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports for the viewer: managers see their team's and below, directors, admins and finance all (the
 * company's included); a report outside the scope is not found. Managers, directors and admins make a
 * report now and set their teams' schedules; reps have no reports (a team report shows more than their own).
 */
@Service
public class Reports {

    static final Set<PeriodKind> KINDS = Set.of(PeriodKind.WEEK, PeriodKind.MONTH);
    static final Set<String> LOCALES = Set.of("en", "zh-CN");

    private final ReportRepository repository;
    private final ReportFigures figures;
    private final ReportRenderer renderer;
    private final TeamService teams;
    private final AuditTrail audit;
    private final Clock clock;

    Reports(ReportRepository repository, ReportFigures figures, ReportRenderer renderer, TeamService teams, AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.figures = figures;
        this.renderer = renderer;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    /** The root of the viewer's scope: -1 for everything (the company's reports included), else their team. */
    static long root(Viewer viewer) {
        if (viewer.seesAll()) {
            return -1;
        }
        if (viewer.role() == Role.MANAGER && viewer.teamId() != null) {
            return viewer.teamId();
        }
        throw new ForbiddenException("Reports are for managers, directors, admins and finance");
    }

    private static void requireMaker(Viewer viewer) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Reports are made and scheduled by managers, directors and admins");
        }
    }

    @Transactional(readOnly = true)
    public List<Report> list(Viewer viewer, Long teamId, PeriodKind kind, Integer limit) {
        long root = root(viewer);
        if (teamId != null) {
            teams.get(viewer, teamId);
        }
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw InvalidInputException.of("limit", "reports.invalid.limit");
        }
        return repository.list(root, teamId, kind == null ? null : kind(kind).name(), n).stream().map(Reports::report).toList();
    }

    @Transactional(readOnly = true)
    public Report get(Viewer viewer, long id) {
        return repository.find(root(viewer), id).map(Reports::report).orElseThrow(() -> new NotFoundException("report", id));
    }

    /** The stored PDF ({@code pdf}) or XLSX of a report in the viewer's scope. */
    @Transactional(readOnly = true)
    public byte[] file(Viewer viewer, long id, boolean pdf) {
        return repository.file(root(viewer), id, pdf).orElseThrow(() -> new NotFoundException("report", id));
    }

    /** Makes and stores a report now, in one language (by default the caller's). */
    @Transactional
    public Report generate(Viewer viewer, GenerateReportCommand cmd, Locale callerLocale) {
        requireMaker(viewer);
        PeriodKind kind = kind(cmd.kind() == null ? PeriodKind.MONTH : cmd.kind());
        Long teamId = unit(viewer, cmd.teamId());
        Locale locale = locale(cmd.locale(), callerLocale);
        LocalDate today = LocalDate.now(clock);
        Period period = cmd.on() != null ? Period.of(kind, cmd.on()) : Period.of(kind, today).previous();
        if (period.start().isAfter(today)) {
            throw InvalidInputException.of("on", "reports.invalid.future");
        }
        ReportContent content = figures.content(teamId, period);
        long id = store(content, locale, "ON_DEMAND", viewer.username()).orElseThrow();
        return get(viewer, id);
    }

    /** Renders and stores one language of a report; empty when it is scheduled and that language is stored already. */
    java.util.Optional<Long> store(ReportContent content, Locale locale, String origin, String by) {
        return repository.insert(new ReportRepository.NewReport(content.teamId(), renderer.unitName(content, locale),
                content.period().kind().name(), content.period().label(), content.period().start(), content.period().lastDay(),
                locale.toLanguageTag(), origin, renderer.pdf(content, locale, false), renderer.xlsx(content, locale, false),
                clock.instant(), by));
    }

    String unitName(ReportContent content, Locale locale) {
        return renderer.unitName(content, locale);
    }

    // --- schedules

    @Transactional(readOnly = true)
    public List<ReportSchedule> schedules(Viewer viewer) {
        requireMaker(viewer);
        return repository.schedules(root(viewer)).stream().map(this::schedule).toList();
    }

    @Transactional(readOnly = true)
    public ReportSchedule schedule(Viewer viewer, long id) {
        requireMaker(viewer);
        return repository.schedule(root(viewer), id).map(this::schedule).orElseThrow(() -> new NotFoundException("report schedule", id));
    }

    /** Who the viewer may choose as subscribers (a team's schedule still takes only those who see that team). */
    @Transactional(readOnly = true)
    public List<ReportSchedule.Subscriber> candidates(Viewer viewer) {
        requireMaker(viewer);
        return repository.candidates(root(viewer)).stream()
                .map(s -> new ReportSchedule.Subscriber(s.userId(), s.username(), s.displayName(), s.locale())).toList();
    }

    @Transactional
    public ReportSchedule createSchedule(Viewer viewer, ReportScheduleCommand cmd) {
        requireMaker(viewer);
        PeriodKind kind = kind(cmd.kind());
        Long teamId = unit(viewer, cmd.teamId());
        Integer weekday = weekday(kind, cmd.weekday());
        List<Long> subscribers = subscribers(teamId, cmd.subscriberIds());
        long id = repository.insertSchedule(teamId, kind.name(), weekday, cmd.enabled() == null || cmd.enabled(), viewer.username(),
                clock.instant()).orElseThrow(() -> InvalidInputException.of("kind", "reports.schedule.exists"));
        repository.setSubscribers(id, subscribers);
        ReportSchedule created = schedule(viewer, id);
        audit.record(Change.created("report-schedule", id, teamId, null, created));
        return created;
    }

    /** Changes the weekday, whether it is on and who receives it; its team and kind stay. */
    @Transactional
    public ReportSchedule updateSchedule(Viewer viewer, long id, ReportScheduleCommand cmd) {
        ReportSchedule before = schedule(viewer, id);
        PeriodKind kind = PeriodKind.valueOf(before.kind());
        if ((cmd.kind() != null && cmd.kind() != kind) || (cmd.teamId() != null && !cmd.teamId().equals(before.teamId()))) {
            throw InvalidInputException.of("kind", "reports.schedule.fixed");
        }
        Integer weekday = weekday(kind, cmd.weekday());
        List<Long> subscribers = cmd.subscriberIds() == null ? before.subscribers().stream().map(ReportSchedule.Subscriber::userId).toList()
                : subscribers(before.teamId(), cmd.subscriberIds());
        repository.updateSchedule(id, weekday, cmd.enabled() == null ? before.enabled() : cmd.enabled());
        repository.setSubscribers(id, subscribers);
        ReportSchedule after = schedule(viewer, id);
        audit.record(Change.updated("report-schedule", id, before.teamId(), null, before, after));
        return after;
    }

    @Transactional
    public void deleteSchedule(Viewer viewer, long id) {
        ReportSchedule before = schedule(viewer, id);
        repository.deleteSchedule(id);
        audit.record(new Change("DELETE", "report-schedule", String.valueOf(id), before.teamId(), null, before, null, null));
    }

    ReportSchedule schedule(ReportRepository.ScheduleRow row) {
        return new ReportSchedule(row.id(), row.teamId(), row.teamName(), row.kind(), row.weekday(), row.enabled(),
                repository.subscribers(row.id()).stream()
                        .map(s -> new ReportSchedule.Subscriber(s.userId(), s.username(), s.displayName(), s.locale())).toList(),
                row.version());
    }

    /** The team a report is for: a manager's own team by default; null (the company) only for those who see everything. */
    private Long unit(Viewer viewer, Long teamId) {
        if (teamId != null) {
            teams.get(viewer, teamId);
            return teamId;
        }
        return viewer.seesAll() ? null : viewer.teamId();
    }

    private static PeriodKind kind(PeriodKind kind) {
        if (kind == null || !KINDS.contains(kind)) {
            throw InvalidInputException.of("kind", "reports.invalid.kind");
        }
        return kind;
    }

    private static Integer weekday(PeriodKind kind, Integer weekday) {
        if (kind == PeriodKind.MONTH) {
            if (weekday != null) {
                throw InvalidInputException.of("weekday", "reports.invalid.weekdayMonthly");
            }
            return null;
        }
        if (weekday == null || weekday < 1 || weekday > 7) {
            throw InvalidInputException.of("weekday", "reports.invalid.weekday");
        }
        return weekday;
    }

    private List<Long> subscribers(Long teamId, List<Long> ids) {
        Set<Long> wanted = new LinkedHashSet<>(ids == null ? List.of() : ids);
        if (wanted.contains(null)) {
            throw InvalidInputException.of("subscriberIds", "reports.invalid.subscriber", "null");
        }
        Set<Long> eligible = new LinkedHashSet<>(repository.eligibleSubscribers(teamId, wanted));
        for (Long id : wanted) {
            if (!eligible.contains(id)) {
                throw InvalidInputException.of("subscriberIds", "reports.invalid.subscriber", id);
            }
        }
        return List.copyOf(wanted);
    }

    static Locale locale(String tag, Locale fallback) {
        if (tag == null || tag.isBlank()) {
            return ReportRenderer.chinese(fallback) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }
        if (!LOCALES.contains(tag)) {
            throw InvalidInputException.of("locale", "reports.invalid.locale");
        }
        return Locale.forLanguageTag(tag);
    }

    private static Report report(ReportRepository.ReportRow r) {
        String base = "/api/insights/reports/" + r.id();
        return new Report(r.id(), r.teamId(), r.unitName(), r.kind(), r.periodLabel(), r.periodStart(), r.periodEnd(), r.locale(),
                r.origin(), r.pdfSize(), r.xlsxSize(), r.generatedAt(), r.generatedBy(), base + "/pdf", base + "/xlsx");
    }
}
