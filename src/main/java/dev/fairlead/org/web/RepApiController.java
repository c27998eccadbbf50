package dev.fairlead.org.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.org.AbsenceCommand;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepCommand;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Tier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reps")
@Tag(name = "Reps", description = "Sales reps: tier, skills, territories, capacity, availability")
class RepApiController {

    private final RepService reps;

    RepApiController(RepService reps) {
        this.reps = reps;
    }

    @GetMapping
    @Operation(operationId = "listReps", summary = "Reps the caller may see; teamId includes sub-teams")
    List<Rep> list(@RequestParam(required = false) Long teamId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Tier tier, @RequestParam(required = false) Boolean active) {
        return reps.list(Viewers.require(), new RepQuery(teamId, q, tier, active));
    }

    @Operation(operationId = "getRep")
    @GetMapping("/{id}")
    Rep get(@PathVariable long id) {
        return reps.get(Viewers.require(), id);
    }

    @Operation(operationId = "createRep")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Rep create(@RequestBody RepCommand cmd) {
        return reps.create(Viewers.require(), cmd);
    }

    @Operation(operationId = "updateRep")
    @PutMapping("/{id}")
    Rep update(@PathVariable long id, @RequestBody RepCommand cmd) {
        return reps.update(Viewers.require(), id, cmd);
    }

    @PostMapping("/{id}/absences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addAbsence", summary = "Add an out-of-office period")
    Rep addAbsence(@PathVariable long id, @RequestBody AbsenceCommand cmd) {
        return reps.addAbsence(Viewers.require(), id, cmd);
    }

    @Operation(operationId = "removeAbsence")
    @DeleteMapping("/{id}/absences/{absenceId}")
    Rep removeAbsence(@PathVariable long id, @PathVariable long absenceId) {
        return reps.removeAbsence(Viewers.require(), id, absenceId);
    }
}
