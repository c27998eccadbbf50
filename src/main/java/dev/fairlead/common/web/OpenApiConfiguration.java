package dev.fairlead.common.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * What {@code /v3/api-docs} says beyond what springdoc reads from the controllers: the error responses
 * ({@code ProblemDetail}, as {@link ApiExceptionHandler} writes them) each operation can answer, and the
 * bearer token every operation takes. A client generated from the document (docs/api.md, "Generate a
 * client") then knows every status it may get back.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "ProblemDetail";
    static final String FIELD_PROBLEM = "FieldProblem";
    static final String BEARER = "bearerToken";
    static final String BASIC = "basicPassword";

    static {
        // A body read as a JSON tree (e.g. a batch of leads) is any JSON value, not Jackson's node class.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas(FIELD_PROBLEM, fieldProblemSchema());
            components.addSchemas(PROBLEM, problemSchema());
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("An API token (`flt_…`), issued by an admin: docs/api.md → Authentication"));
            components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("An admin's login and password; only `POST /api/tokens` takes it (the first token)"));
            openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    addErrors(path, method, operation)));
        };
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            add(responses, "400", "Invalid input: every problem is listed in `errors`, nothing was changed");
        }
        add(responses, "401", "No valid credentials: missing, unknown, expired or revoked token");
        if (!"/api/me".equals(path)) {
            add(responses, "403", "The caller's role may not do this");
        }
        if (path.contains("{")) {
            add(responses, "404", "No such record, or it lies outside the caller's data scope");
        }
        if (method != PathItem.HttpMethod.GET) {
            add(responses, "409", "A clash with the stored data: a stale `version` (`code` = `stale`), a duplicate, "
                    + "or a state that does not allow this");
        }
    }

    private static void add(ApiResponses responses, String status, String description) {
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        if (responses.containsKey(status)) {
            // a response the controller declares itself keeps its words but answers a ProblemDetail like every other error
            ApiResponse declared = responses.get(status);
            Content content = declared.getContent() == null ? new Content() : declared.getContent();
            MediaType problem = content.get("application/problem+json");
            if (problem == null || problem.getSchema() == null) {
                content.addMediaType("application/problem+json", new MediaType().schema(ref));
                declared.setContent(content);
            }
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(ref))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri-reference").example("about:blank"));
        properties.put("title", new StringSchema().example("Invalid input"));
        properties.put("status", new IntegerSchema().format("int32").example(400));
        properties.put("detail", new StringSchema().example("Some fields need attention; nothing was saved."));
        properties.put("instance", new StringSchema().format("uri-reference").example("/api/reps"));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
                .description("400 only: every field that needs attention"));
        properties.put("code", new StringSchema().description("409 only: what clashed, e.g. `stale`").example("stale"));
        properties.put("correlationId", new StringSchema().description("500 and 503: quote it when reporting the problem"));
        properties.put("retryable", new BooleanSchema().description("503: the same request may be sent again"));
        return new ObjectSchema()
                .description("An RFC 9457 problem (`application/problem+json`); messages follow `Accept-Language`")
                .properties(properties)
                .required(List.of("title", "status"));
    }

    private static Schema<?> fieldProblemSchema() {
        return new ObjectSchema()
                .description("One field that needs attention")
                .addProperty("field", new StringSchema().example("territories[0].code"))
                .addProperty("message", new StringSchema().example("'9999' is not a known province, city or postal prefix"))
                .required(List.of("field", "message"));
    }
}
