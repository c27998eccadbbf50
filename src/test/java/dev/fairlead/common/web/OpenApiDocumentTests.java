package dev.fairlead.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client generated from {@code docs/openapi.json} needs to be usable on its own, checked on the
 * committed document ({@link OpenApiDocumentIT} keeps it equal to what the application serves).
 */
class OpenApiDocumentTests {

    /** Request bodies whose fields are all optional to the server today (each one has a default or means "unchanged"). */
    static final Set<String> ALL_OPTIONAL = Set.of(
            "ConvertLeadCommand", "GoalCommand", "GoalTaskPlan", "ImportStart", "SnoozeRequest", "PeriodBody",
            "SchemeCommand", "ActivationReason", "Recalculation", "ClaimRequest", "ReleaseRequest", "RebalanceRequest",
            "NewAssignmentRuleSet", "AssignmentRuleSetActivation", "NewScoringRuleSet", "DraftChange",
            "ScoringRuleSetActivation", "NewSource",
            // reports default to the company and this month; boards and the points policy change what is given; a survey names a deal or a visit
            "GenerateReportCommand", "ReportScheduleCommand", "BoardCommand", "PolicyBody", "SurveyCommand",
            "CreditCommand");

    static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = JsonMapper.builder().build().readTree(Files.readString(Path.of("docs/openapi.json")));
    }

    @Test
    void everyOperationHasAUniqueReadableIdAndATag() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> {
            String id = operation.path("operationId").asString();
            if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                problems.add(where + ": operationId '" + id + "' is not unique or not a plain camelCase name");
            }
            String tag = operation.path("tags").path(0).asString();
            // springdoc names an untagged controller "xyz-api-controller" (or "api" for a nested class)
            if (tag.isBlank() || tag.endsWith("-controller") || tag.equals("api")) {
                problems.add(where + ": tag '" + tag + "' has no @Tag on its controller");
            }
        });
        assertThat(ids).hasSizeGreaterThan(150);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationDeclaresItsErrorsAsProblemDetails() {
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> {
            JsonNode responses = operation.path("responses");
            List<String> expected = new ArrayList<>(List.of("401"));
            if (where.contains("{")) {
                expected.add("404");
            }
            if (operation.has("requestBody") || !operation.path("parameters").isEmpty()) {
                expected.add("400");
            }
            if (!where.startsWith("get ")) {
                expected.add("409");
            }
            for (String status : expected) {
                String ref = responses.path(status).path("content").path("application/problem+json")
                        .path("schema").path("$ref").asString();
                if (!ref.equals("#/components/schemas/ProblemDetail")) {
                    problems.add(where + ": no " + status + " ProblemDetail response");
                }
            }
            responses.properties().forEach(response -> {
                if (response.getKey().startsWith("2") && response.getValue().path("content").has("*/*")) {
                    problems.add(where + ": " + response.getKey() + " has no media type of its own");
                }
            });
        });
        assertThat(problems).isEmpty();
        assertThat(document.at("/components/schemas/ProblemDetail/properties/errors/items/$ref").asString())
                .isEqualTo("#/components/schemas/FieldProblem");
    }

    @Test
    void everyRequestBodySchemaListsTheFieldsItRequires() {
        JsonNode schemas = document.at("/components/schemas");
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        operations((where, operation) -> operation.path("requestBody").path("content").properties().forEach(content -> {
            JsonNode schema = content.getValue().path("schema");
            String ref = schema.path("$ref").asString("");
            if (ref.isEmpty()) {
                return; // maps and files: no fields to require
            }
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            boolean lists = !schemas.path(name).path("required").isEmpty();
            if (seen.add(name) && lists == ALL_OPTIONAL.contains(name)) {
                problems.add(where + ": " + name + (lists ? " requires fields but is listed as all-optional"
                        : " lists no required fields (mark them with @NotNull/@NotBlank or @Schema(requiredMode = REQUIRED))"));
            }
        }));
        assertThat(seen).hasSizeGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void timesAreDateTimesAndEnumsAreEnums() {
        JsonNode lead = document.at("/components/schemas/LeadCommand/properties");
        assertThat(lead.at("/source/enum").isArray()).as("LeadCommand.source is an enum").isTrue();
        assertThat(document.at("/components/schemas/FollowUpCommand/properties/occurredAt/format").asString()).isEqualTo("date-time");
        assertThat(document.at("/components/schemas/RepCommand/properties/hireDate/format").asString()).isEqualTo("date");
        assertThat(document.at("/components/schemas/TeamCommand/properties/name/example").asString()).isNotBlank();
    }

    private static void operations(java.util.function.BiConsumer<String, JsonNode> each) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                each.accept(operation.getKey() + " " + path.getKey(), operation.getValue());
            }
        }
    }
}
