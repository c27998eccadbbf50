package dev.fairlead.intake.web;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.intake.BatchResult;
import dev.fairlead.intake.IntakeResponse;
import dev.fairlead.intake.ItemResult;
import dev.fairlead.intake.LeadIntake;
import dev.fairlead.leads.DuplicatePolicy;
import dev.fairlead.leads.LeadCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/leads")
@Tag(name = "Lead intake", description = "Create leads one at a time or in batches; every request carries an Idempotency-Key")
class LeadIntakeApiController {

    private final LeadIntake intake;
    private final JsonMapper json;

    LeadIntakeApiController(LeadIntake intake, JsonMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createLead", summary = "Create one lead: validated, de-duplicated, scored and routed in one transaction",
            description = "201 with the outcome (CREATED, or FLAGGED as a possible duplicate), 200 when MERGED into an "
                    + "existing lead. A retry with the same Idempotency-Key returns the first response (header "
                    + "Idempotent-Replayed: true) and creates nothing; the same key with a different body is a 409. A lead "
                    + "with a valid phone or e-mail is stored even when an optional field fails its check: that field is "
                    + "left out, listed under setAside and kept for data-quality review (unless intake is configured strict).")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ItemResult.class)))
    ResponseEntity<String> create(
            @Parameter(description = "Unique per lead, e.g. a UUID; at most 200 characters") @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @Parameter(description = "Override the configured duplicate rule for this lead") @RequestParam(required = false) DuplicatePolicy duplicates,
            @RequestBody LeadCommand lead) {
        Viewer viewer = Viewers.require();
        return respond(intake.submitOne(viewer, "user:" + viewer.userId(), key, "api", lead, duplicates));
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createLeads", summary = "Create up to 1,000 leads; each item gets its own result",
            description = "Body {\"leads\": [lead, …]}. 200 with created/merged/flagged/rejected/setAside counts and one result per "
                    + "item (rejected items list their field errors). Retrying with the same Idempotency-Key returns the "
                    + "first response; a retry after an interruption finishes the items not yet done.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BatchResult.class)))
    ResponseEntity<String> batch(
            @Parameter(description = "Unique per batch, e.g. a UUID; at most 200 characters") @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @Parameter(description = "Override the configured duplicate rule for these leads") @RequestParam(required = false) DuplicatePolicy duplicates,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = LeadBatch.class))) @RequestBody JsonNode body) {
        Viewer viewer = Viewers.require();
        JsonNode leads = body.path("leads");
        if (!leads.isArray()) {
            throw InvalidInputException.of("leads", "validation.required");
        }
        List<LeadIntake.BatchItem> items = new ArrayList<>();
        for (JsonNode node : leads) {
            items.add(read(node));
        }
        return respond(intake.submitBatch(viewer, "user:" + viewer.userId(), key, "api-batch", items,
                json.writeValueAsString(leads), duplicates, LocaleContextHolder.getLocale()));
    }

    /** What {@code POST /api/leads/batch} reads (item by item, so one bad lead does not reject the others). */
    record LeadBatch(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 1,000 leads") List<LeadCommand> leads) {}

    private LeadIntake.BatchItem read(JsonNode node) {
        try {
            return new LeadIntake.BatchItem(json.treeToValue(node, LeadCommand.class), null);
        } catch (DatabindException e) {
            String field = e.getPath().isEmpty() || e.getPath().get(0).getPropertyName() == null
                    ? "body" : e.getPath().get(0).getPropertyName();
            return new LeadIntake.BatchItem(null, new InvalidInputException(List.of(FieldProblem.of(field, "validation.type", ""))));
        } catch (JacksonException e) {
            return new LeadIntake.BatchItem(null, InvalidInputException.of("body", "validation.body"));
        }
    }

    static ResponseEntity<String> respond(IntakeResponse response) {
        var builder = ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON);
        if (response.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(response.body());
    }
}
