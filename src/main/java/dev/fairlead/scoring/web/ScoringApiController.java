package dev.fairlead.scoring.web;

import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Viewers;
import dev.fairlead.scoring.LeadScore;
import dev.fairlead.scoring.ModelReport;
import dev.fairlead.scoring.OpenLeadRescoring;
import dev.fairlead.scoring.RescoreRun;
import dev.fairlead.scoring.RuleSetVersion;
import dev.fairlead.scoring.ScoringService;
import dev.fairlead.scoring.domain.RuleSet;
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
@RequestMapping("/api/scoring")
@Tag(name = "Scoring", description = "Rule sets (versioned: draft → active, rollback by activating an older one) and the predictive model")
class ScoringApiController {

    private final ScoringService scoring;
    private final OpenLeadRescoring rescoring;

    ScoringApiController(ScoringService scoring, OpenLeadRescoring rescoring) {
        this.scoring = scoring;
        this.rescoring = rescoring;
    }

    @Schema(name = "NewScoringRuleSet", description = "A new draft, copied from version `fromId` or from the active one")
    record NewDraft(Long fromId, String note) {}

    record DraftChange(RuleSet rules, String note) {}

    @Schema(name = "ScoringRuleSetActivation")
    record Activation(String reason) {}

    record ModelView(ModelReport latest, List<LeadScore.Effect> weights, List<ModelReport> history) {}

    @Operation(operationId = "listScoringRuleSets")
    @GetMapping("/rule-sets")
    List<RuleSetVersion> versions() {
        return scoring.versions();
    }

    @Operation(operationId = "getActiveScoringRuleSet")
    @GetMapping("/rule-sets/active")
    RuleSetVersion active() {
        return scoring.activeRuleSet();
    }

    @Operation(operationId = "getScoringRuleSet")
    @GetMapping("/rule-sets/{id}")
    RuleSetVersion version(@PathVariable long id) {
        return scoring.version(id);
    }

    @PostMapping("/rule-sets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createScoringRuleSet", summary = "New draft copied from fromId (or the active version); admins and directors")
    RuleSetVersion draft(@RequestBody(required = false) NewDraft draft) {
        return scoring.createDraft(Viewers.require(), draft == null ? null : draft.fromId(), draft == null ? null : draft.note());
    }

    @PutMapping("/rule-sets/{id}")
    @Operation(operationId = "updateScoringRuleSet", summary = "Change a draft: criteria (FIT/NEED/BEHAVIOUR/AUTHORITY, each with points) and grade thresholds")
    RuleSetVersion update(@PathVariable long id, @RequestBody DraftChange change) {
        return scoring.updateDraft(Viewers.require(), id, change.rules(), change.note());
    }

    @GetMapping("/rescoring")
    @Operation(operationId = "listRescorings", summary = "The newest re-scoring run: open leads re-scored with the rule set activated last, of how many, grade changes")
    RescoreRun rescoring() {
        return rescoring.latest().orElseThrow(() -> new NotFoundException("re-scoring run", "latest"));
    }

    @GetMapping("/rescoring/{id}")
    @Operation(operationId = "getRescoring", summary = "One re-scoring run's progress")
    RescoreRun rescoring(@PathVariable long id) {
        return rescoring.run(id).orElseThrow(() -> new NotFoundException("re-scoring run", id));
    }

    @PostMapping("/rule-sets/{id}/activate")
    @Operation(operationId = "activateScoringRuleSet", summary = "Activate this version (audited): new leads are scored with it and open leads are re-scored in the background (see /rescoring)")
    RuleSetVersion activate(@PathVariable long id, @RequestBody(required = false) Activation activation) {
        return scoring.activate(Viewers.require(), id, activation == null ? null : activation.reason());
    }

    @GetMapping("/leads/{leadId}")
    @Operation(operationId = "getLeadScore", summary = "A lead's score, grade, contributions and predicted chance of winning")
    LeadScore score(@PathVariable long leadId) {
        return scoring.scoreOf(Viewers.require(), leadId).orElseThrow(() -> new NotFoundException("lead score", leadId));
    }

    @GetMapping("/model")
    @Operation(operationId = "getScoringModel", summary = "The newest training run (closed leads learned from, held-out AUC and log-loss) and the model's weights")
    ModelView model() {
        return new ModelView(scoring.latestReport().orElse(null), scoring.modelWeights(), scoring.reports());
    }

    @PostMapping("/model/retrain")
    @Operation(operationId = "retrainScoringModel", summary = "Retrain now on closed leads (CONVERTED = won, LOST = lost); admins and directors")
    ModelReport retrain() {
        return scoring.retrain(Viewers.require());
    }
}
