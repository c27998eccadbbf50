package dev.fairlead.routing.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.routing.RuleSetCommand;
import dev.fairlead.routing.RuleSetService;
import dev.fairlead.routing.RuleSetView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/routing/rule-sets")
@Tag(name = "Assignment rules", description = "Versioned rule sets: drafts, activation, rollback")
class RuleSetApiController {

    /** Start a draft from a version (the active one when basedOn is null). */
    @Schema(name = "NewAssignmentRuleSet", description = "A new draft, copied from rule set `basedOn` or empty")
    record NewDraft(Long basedOn, String name) {}

    /** Why a version is being activated, kept in the audit trail. */
    @Schema(name = "AssignmentRuleSetActivation")
    record Activation(String reason) {}

    private final RuleSetService ruleSets;

    RuleSetApiController(RuleSetService ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping
    @Operation(operationId = "listAssignmentRuleSets", summary = "Every version, newest first")
    List<RuleSetView> list() {
        return ruleSets.list();
    }

    @Operation(operationId = "getActiveAssignmentRuleSet")
    @GetMapping("/active")
    RuleSetView active() {
        return ruleSets.active();
    }

    @Operation(operationId = "getAssignmentRuleSet")
    @GetMapping("/{id}")
    RuleSetView get(@PathVariable long id) {
        return ruleSets.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createAssignmentRuleSet", summary = "Create a draft copying a version (managers)")
    RuleSetView create(@RequestBody(required = false) NewDraft body) {
        return ruleSets.createDraft(Viewers.require(), body == null ? null : body.basedOn(), body == null ? null : body.name());
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateAssignmentRuleSet", summary = "Replace a draft's name and ordered rules")
    RuleSetView update(@PathVariable long id, @RequestBody RuleSetCommand cmd) {
        return ruleSets.updateDraft(Viewers.require(), id, cmd);
    }

    @PostMapping("/{id}/activate")
    @Operation(operationId = "activateAssignmentRuleSet", summary = "Activate a draft, or roll back to a retired version")
    RuleSetView activate(@PathVariable long id, @RequestBody(required = false) Activation body) {
        return ruleSets.activate(Viewers.require(), id, body == null ? null : body.reason());
    }
}
