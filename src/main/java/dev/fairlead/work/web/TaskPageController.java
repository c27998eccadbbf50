package dev.fairlead.work.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.DateTimes;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.TeamService;
import dev.fairlead.work.BulkTaskCommand;
import dev.fairlead.work.Quadrant;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskCommand;
import dev.fairlead.work.TaskService;
import dev.fairlead.work.TaskStatus;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class TaskPageController {

    private final TaskService tasks;
    private final TeamService teams;
    private final DateTimes dateTimes;
    private final FormErrors formErrors;
    private final MessageSource messages;
    private final Clock clock;
    private final dev.fairlead.filters.SavedFilterPanel savedFilters;

    TaskPageController(TaskService tasks, TeamService teams, DateTimes dateTimes, FormErrors formErrors,
            MessageSource messages, Clock clock, dev.fairlead.filters.SavedFilterPanel savedFilters) {
        this.savedFilters = savedFilters;
        this.tasks = tasks;
        this.teams = teams;
        this.dateTimes = dateTimes;
        this.formErrors = formErrors;
        this.messages = messages;
        this.clock = clock;
    }

    /** My tasks as the Eisenhower board, or ({@code view=list}) as a list by due time. */
    @GetMapping("/tasks")
    String mine(@RequestParam(defaultValue = "board") String view, Model model) {
        return page(model, view, Map.of(), null);
    }

    @PostMapping("/tasks")
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String typeCode,
            @RequestParam(required = false) String dueAt, @RequestParam(defaultValue = "false") boolean important,
            @RequestParam(defaultValue = "false") boolean urgent, @RequestParam(required = false) Long leadId,
            @RequestParam(required = false) Long dealId, @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Long parentId, @RequestParam(required = false) String description,
            @RequestParam(required = false) String returnTo, @RequestParam(defaultValue = "board") String view,
            Model model, RedirectAttributes redirect) {
        try {
            tasks.create(Viewers.require(), new TaskCommand(title, description, null, typeCode, important, urgent,
                    dateTimes.parse(dueAt), leadId, parentId, null, dealId, customerId));
        } catch (InvalidInputException e) {
            return page(model, view, formErrors.of(e), null);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + (returnTo != null && returnTo.startsWith("/") ? returnTo : "/tasks?view=" + view);
    }

    /** Start, finish, cancel or reopen a task; htmx gets the board back, a plain form a redirect. */
    @PostMapping("/tasks/{id}/status")
    String status(@PathVariable long id, @RequestParam TaskStatus status, @RequestParam(defaultValue = "board") String view,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        String error = null;
        try {
            tasks.changeStatus(Viewers.require(), id, status);
        } catch (ConflictException e) {
            error = messages.getMessage(e.code(), null, e.getMessage(), LocaleContextHolder.getLocale());
        }
        if (htmx != null) {
            page(model, view, Map.of(), error);
            return "work/tasks :: board";
        }
        if (error != null) {
            redirect.addFlashAttribute("boardError", error);
        }
        return "redirect:/tasks?view=" + view;
    }

    /** A manager's view: the team's overdue tasks, and tasks for the whole team at once. */
    @GetMapping("/tasks/team")
    String team(Model model) {
        return teamPage(model, Map.of());
    }

    @PostMapping("/tasks/team")
    String createForTeam(@RequestParam(required = false) Long teamId, @RequestParam(required = false) String title,
            @RequestParam(required = false) String typeCode, @RequestParam(required = false) String dueAt,
            @RequestParam(defaultValue = "false") boolean important, @RequestParam(defaultValue = "false") boolean urgent,
            @RequestParam(required = false) String description, Model model, RedirectAttributes redirect) {
        try {
            List<Task> created = tasks.createForTeam(Viewers.require(),
                    new BulkTaskCommand(teamId, title, description, typeCode, important, urgent, dateTimes.parse(dueAt)));
            redirect.addFlashAttribute("bulkCreated", created.size());
        } catch (InvalidInputException e) {
            return teamPage(model, formErrors.of(e));
        }
        return "redirect:/tasks/team";
    }

    private String teamPage(Model model, Map<String, String> errors) {
        Viewer viewer = Viewers.require();
        model.addAttribute("overdue", tasks.overdue(viewer));
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("types", tasks.types());
        model.addAttribute("errors", errors);
        model.addAttribute("now", clock.instant());
        return "work/team-tasks";
    }

    private String page(Model model, String view, Map<String, String> errors, String boardError) {
        Viewer viewer = Viewers.require();
        List<Task> mine = tasks.mine(viewer);
        Map<Quadrant, List<Task>> board = new LinkedHashMap<>();
        Arrays.stream(Quadrant.values()).forEach(q -> board.put(q,
                mine.stream().filter(t -> t.quadrant() == q).sorted(byDue()).toList()));
        model.addAttribute("board", board);
        model.addAttribute("byDue", mine.stream().sorted(byDue()).toList());
        model.addAttribute("view", "list".equals(view) ? "list" : "board");
        savedFilters.addTo(model, viewer, dev.fairlead.filters.FilteredList.TASKS, "view=" + ("list".equals(view) ? "list" : "board"), null);
        model.addAttribute("types", tasks.types());
        model.addAttribute("errors", errors);
        model.addAttribute("now", clock.instant());
        if (boardError != null) {
            model.addAttribute("boardError", boardError);
        }
        return "work/tasks";
    }

    private static Comparator<Task> byDue() {
        return Comparator.comparing((Task t) -> !t.status().isOpen())
                .thenComparing(Task::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Task::id);
    }
}
