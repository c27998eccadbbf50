package dev.fairlead.org.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.DutyShiftCommand;
import dev.fairlead.org.PublicHolidayCommand;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamHours;
import dev.fairlead.org.TeamHoursCommand;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.WorkingCalendarService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A team's working hours and duty rota, and the public holiday calendar, as pages. */
@Controller
class CalendarPageController {

    private final WorkingCalendarService calendars;
    private final TeamService teams;
    private final RepService reps;
    private final FormErrors formErrors;
    private final Clock clock;

    CalendarPageController(WorkingCalendarService calendars, TeamService teams, RepService reps, FormErrors formErrors, Clock clock) {
        this.calendars = calendars;
        this.teams = teams;
        this.reps = reps;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/teams/{id}/calendar")
    String team(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("team", teams.get(viewer, id));
        model.addAttribute("hours", calendars.hours(viewer, id));
        model.addAttribute("shifts", calendars.shifts(viewer, id));
        model.addAttribute("reps", reps.list(viewer, new RepQuery(id, null, null, true)));
        model.addAttribute("zone", clock.getZone().getId());
        if (model.getAttribute("errors") == null) {
            model.addAttribute("errors", Map.of());
        }
        return "teams/calendar";
    }

    @PostMapping("/teams/{id}/calendar")
    String setHours(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime startsAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime endsAt,
            @RequestParam(required = false) String timeZone, @RequestParam(defaultValue = "false") boolean publicHolidays,
            @RequestParam(defaultValue = "false") boolean holdOffHours, Model model, RedirectAttributes redirect) {
        return attempt(id, model, redirect, () -> calendars.setHours(Viewers.require(), id,
                new TeamHoursCommand(startsAt, endsAt, timeZone, publicHolidays, holdOffHours)));
    }

    @PostMapping("/teams/{id}/calendar/clear")
    String clearHours(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return attempt(id, model, redirect, () -> calendars.clearHours(Viewers.require(), id));
    }

    @PostMapping("/teams/{id}/duty-shifts")
    String addShift(@PathVariable long id, @RequestParam(required = false) Long repId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        TeamHours hours = calendars.hours(Viewers.require(), id);
        return attempt(id, model, redirect, () -> calendars.addShift(Viewers.require(), id, new DutyShiftCommand(repId,
                startsAt == null ? null : startsAt.atZone(hours.zone()).toInstant(),
                endsAt == null ? null : endsAt.atZone(hours.zone()).toInstant(), note)));
    }

    @PostMapping("/teams/{id}/duty-shifts/{shiftId}/delete")
    String removeShift(@PathVariable long id, @PathVariable long shiftId, Model model, RedirectAttributes redirect) {
        return attempt(id, model, redirect, () -> {
            calendars.removeShift(Viewers.require(), id, shiftId);
            return null;
        });
    }

    @GetMapping("/calendar/holidays")
    String holidays(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("holidays", calendars.holidays(shown));
        if (model.getAttribute("errors") == null) {
            model.addAttribute("errors", Map.of());
        }
        return "teams/holidays";
    }

    @PostMapping("/calendar/holidays")
    String putHoliday(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "false") boolean working, @RequestParam(required = false) String name, Model model,
            RedirectAttributes redirect) {
        try {
            calendars.putHoliday(Viewers.require(), new PublicHolidayCommand(day, working, name));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e));
            return holidays(day == null ? null : day.getYear(), model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/calendar/holidays?year=" + day.getYear();
    }

    @PostMapping("/calendar/holidays/{day}/delete")
    String deleteHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        calendars.deleteHoliday(Viewers.require(), day);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/calendar/holidays?year=" + day.getYear();
    }

    private String attempt(long id, Model model, RedirectAttributes redirect, java.util.function.Supplier<?> change) {
        try {
            change.get();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e));
            return team(id, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/teams/" + id + "/calendar";
    }
}
