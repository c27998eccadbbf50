package dev.fairlead.work.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.SlaStatus;
import dev.fairlead.work.SlaTimer;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskService;
import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolService;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page's work cards: what is due today (own tasks and the follow-ups planned next, or the
 * team's overdue tasks), first contacts waiting with their time left, and the team's SLA breaches.
 */
@Controller
class WorkHomeController {

    private static final int SHOWN = 5;
    private static final String FOLLOW_UP = "FOLLOW_UP";

    private final TaskService tasks;
    private final SlaService sla;
    private final PoolService pools;
    private final Clock clock;

    WorkHomeController(TaskService tasks, SlaService sla, PoolService pools, Clock clock) {
        this.tasks = tasks;
        this.sla = sla;
        this.pools = pools;
        this.clock = clock;
    }

    @GetMapping("/work/home/tasks")
    String tasks(Model model) {
        Viewer viewer = Viewers.require();
        Instant now = clock.instant();
        Instant endOfDay = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone())
                .toInstant();
        boolean own = viewer.repId() != null;
        List<Task> open = own
                ? tasks.mine(viewer).stream().filter(t -> t.status().isOpen()).toList()
                : tasks.overdue(viewer);
        List<Task> overdue = open.stream().filter(t -> t.overdueAt(now)).toList();
        List<Task> dueToday = open.stream().filter(t -> !t.overdueAt(now) && t.dueAt() != null && t.dueAt().isBefore(endOfDay)).toList();
        model.addAttribute("own", own);
        model.addAttribute("overdue", overdue.size());
        model.addAttribute("dueToday", dueToday.size());
        model.addAttribute("open", open.size());
        List<Task> due = open.stream().filter(t -> t.dueAt() != null && t.dueAt().isBefore(endOfDay))
                .sorted(Comparator.comparing(Task::dueAt)).toList();
        model.addAttribute("shown", due.stream().limit(SHOWN).toList());
        model.addAttribute("followUps", own ? open.stream()
                .filter(t -> FOLLOW_UP.equals(t.typeCode()) && t.dueAt() != null && !t.dueAt().isBefore(endOfDay))
                .sorted(Comparator.comparing(Task::dueAt)).limit(SHOWN).toList() : List.of());
        model.addAttribute("claimable", own && due.isEmpty()
                ? pools.list(viewer).stream().filter(Pool::active).mapToLong(Pool::leadCount).sum() : 0L);
        model.addAttribute("now", now);
        return "work/home :: tasks";
    }

    @GetMapping("/work/home/first-contacts")
    String firstContacts(Model model) {
        Viewer viewer = Viewers.require();
        List<SlaTimer> running = sla.team(viewer, SlaStatus.RUNNING).stream()
                .sorted(Comparator.comparing(SlaTimer::dueAt)).toList();
        model.addAttribute("running", running.size());
        model.addAttribute("breached", sla.team(viewer, SlaStatus.BREACHED).size());
        model.addAttribute("shown", running.stream().limit(SHOWN).toList());
        model.addAttribute("now", clock.instant());
        return "work/home :: firstContacts";
    }

    /** For managers: first-contact deadlines missed today and this week (since Monday), the latest first. */
    @GetMapping("/work/home/sla-breaches")
    String slaBreaches(Model model) {
        Viewer viewer = Viewers.require();
        LocalDate today = LocalDate.now(clock);
        Instant startOfDay = today.atStartOfDay(clock.getZone()).toInstant();
        Instant startOfWeek = today.with(DayOfWeek.MONDAY).atStartOfDay(clock.getZone()).toInstant();
        List<SlaTimer> thisWeek = sla.team(viewer, SlaStatus.BREACHED).stream()
                .filter(t -> t.breachedAt() != null && !t.breachedAt().isBefore(startOfWeek))
                .sorted(Comparator.comparing(SlaTimer::breachedAt).reversed()).toList();
        model.addAttribute("today", thisWeek.stream().filter(t -> !t.breachedAt().isBefore(startOfDay)).count());
        model.addAttribute("week", thisWeek.size());
        model.addAttribute("running", sla.team(viewer, SlaStatus.RUNNING).size());
        model.addAttribute("shown", thisWeek.stream().limit(SHOWN).toList());
        return "work/home :: slaBreaches";
    }
}
