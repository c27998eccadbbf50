package dev.fairlead.work.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.work.SlaService;
import dev.fairlead.work.SlaStatus;
import dev.fairlead.work.SlaTimer;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page's "my day" cards: what is due (own tasks, or the team's overdue ones) and first contacts waiting. */
@Controller
class WorkHomeController {

    private static final int SHOWN = 5;

    private final TaskService tasks;
    private final SlaService sla;
    private final Clock clock;

    WorkHomeController(TaskService tasks, SlaService sla, Clock clock) {
        this.tasks = tasks;
        this.sla = sla;
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
        model.addAttribute("shown", open.stream()
                .filter(t -> t.dueAt() != null)
                .sorted(Comparator.comparing(Task::dueAt)).limit(SHOWN).toList());
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
}
