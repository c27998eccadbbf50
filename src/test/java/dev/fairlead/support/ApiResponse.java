package dev.fairlead.support;

import java.net.http.HttpHeaders;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Status, headers and body of one HTTP exchange, with helpers to read JSON and ProblemDetail errors. */
public record ApiResponse(int status, HttpHeaders headers, String body, JsonMapper json) {

    public JsonNode tree() {
        return json.readTree(body);
    }

    public <T> T as(Class<T> type) {
        return json.readValue(body, type);
    }

    public <T> List<T> asListOf(Class<T> type) {
        return json.readValue(body, json.getTypeFactory().constructCollectionType(List.class, type));
    }

    public <T> T as(TypeReference<T> type) {
        return json.readValue(body, type);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String location() {
        return headers.firstValue("Location").orElse("");
    }

    /** The {@code field} of every entry in a ProblemDetail's {@code errors}. */
    public List<String> errorFields() {
        return tree().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    /** The message a ProblemDetail gives for one field. */
    public String errorMessage(String field) {
        return tree().path("errors").valueStream()
                .filter(e -> field.equals(e.path("field").asString()))
                .map(e -> e.path("message").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("No error for field " + field + " in " + body));
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
