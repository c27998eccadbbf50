package dev.fairlead.org.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamCommand;
import dev.fairlead.org.TeamService;
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
@RequestMapping("/api/teams")
@Tag(name = "Teams", description = "Company → region → team hierarchy")
class TeamApiController {

    private final TeamService teams;

    TeamApiController(TeamService teams) {
        this.teams = teams;
    }

    @GetMapping
    @Operation(operationId = "listTeams", summary = "Teams the caller may see")
    List<Team> list(@RequestParam(defaultValue = "false") boolean includeInactive) {
        return teams.list(Viewers.require(), includeInactive);
    }

    @Operation(operationId = "getTeam")
    @GetMapping("/{id}")
    Team get(@PathVariable long id) {
        return teams.get(Viewers.require(), id);
    }

    @Operation(operationId = "createTeam")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Team create(@RequestBody TeamCommand cmd) {
        return teams.create(Viewers.require(), cmd);
    }

    @Operation(operationId = "updateTeam")
    @PutMapping("/{id}")
    Team update(@PathVariable long id, @RequestBody TeamCommand cmd) {
        return teams.update(Viewers.require(), id, cmd);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deactivateTeam", summary = "Deactivate a team (teams are never hard-deleted)")
    Team deactivate(@PathVariable long id, @RequestParam(required = false) String reason) {
        return teams.deactivate(Viewers.require(), id, reason);
    }
}
