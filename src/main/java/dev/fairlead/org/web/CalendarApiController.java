package dev.fairlead.org.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.org.DutyShift;
import dev.fairlead.org.DutyShiftCommand;
import dev.fairlead.org.PublicHoliday;
import dev.fairlead.org.PublicHolidayCommand;
import dev.fairlead.org.TeamHours;
import dev.fairlead.org.TeamHoursCommand;
import dev.fairlead.org.WorkingCalendarService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Working hours", description = "Team calendars, public holidays and duty shifts (值班) that routing follows")
class CalendarApiController {

    private final WorkingCalendarService calendars;

    CalendarApiController(WorkingCalendarService calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/api/teams/{id}/calendar")
    @Operation(summary = "The calendar the team works by: its own, or inherited from the nearest team above (inherited = true)")
    TeamHours hours(@PathVariable long id) {
        return calendars.hours(Viewers.require(), id);
    }

    @PutMapping("/api/teams/{id}/calendar")
    @Operation(summary = "Set the team's working hours, time zone, public holidays and whether off-hours leads wait (holdOffHours, default true)")
    TeamHours setHours(@PathVariable long id, @RequestBody TeamHoursCommand cmd) {
        return calendars.setHours(Viewers.require(), id, cmd);
    }

    @DeleteMapping("/api/teams/{id}/calendar")
    @Operation(summary = "Remove the team's own calendar: it works by the one above it again")
    TeamHours clearHours(@PathVariable long id) {
        return calendars.clearHours(Viewers.require(), id);
    }

    @GetMapping("/api/teams/{id}/duty-shifts")
    @Operation(summary = "The team's duty shifts that have not ended")
    List<DutyShift> shifts(@PathVariable long id) {
        return calendars.shifts(Viewers.require(), id);
    }

    @PostMapping("/api/teams/{id}/duty-shifts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put a rep of the team on duty: she takes the team's leads in that interval whatever the calendar says")
    DutyShift addShift(@PathVariable long id, @RequestBody DutyShiftCommand cmd) {
        return calendars.addShift(Viewers.require(), id, cmd);
    }

    @DeleteMapping("/api/teams/{id}/duty-shifts/{shiftId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeShift(@PathVariable long id, @PathVariable long shiftId) {
        calendars.removeShift(Viewers.require(), id, shiftId);
    }

    @GetMapping("/api/public-holidays")
    @Operation(summary = "Mainland China's public holidays and make-up working days (working = true) of a year")
    List<PublicHoliday> holidays(@RequestParam(required = false) Integer year) {
        return calendars.holidays(year);
    }

    @PutMapping("/api/public-holidays/{day}")
    @Operation(summary = "Add or change a day of the holiday calendar (directors and admins)")
    PublicHoliday putHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestBody PublicHolidayCommand cmd) {
        return calendars.putHoliday(Viewers.require(), new PublicHolidayCommand(day, cmd.working(), cmd.name()));
    }

    @DeleteMapping("/api/public-holidays/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        calendars.deleteHoliday(Viewers.require(), day);
    }
}
