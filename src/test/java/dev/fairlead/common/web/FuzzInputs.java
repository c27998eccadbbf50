package dev.fairlead.common.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The malformed and boundary requests {@link ApiFuzzIT} sends, derived from the OpenAPI document: for
 * each operation, wrong path and query values, broken and wrongly typed bodies (per the operation's
 * own request schema), odd content types and repeated or oversized headers. Where a value is random it
 * comes from the {@link Random} given, so one seed always gives the same requests.
 */
final class FuzzInputs {

    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema) {

        List<String> parameterNames(String in) {
            return parameters.stream().filter(p -> in.equals(p.path("in").asString())).map(p -> p.path("name").asString()).toList();
        }

        boolean writes() {
            return !method.equals("GET") && !method.equals("DELETE");
        }
    }

    record Attempt(String method, String path, String contentType, byte[] body, List<Map.Entry<String, String>> headers,
            String language, String description) {}

    /** Raw path segments, already percent-encoded where they need to be. */
    private static final List<String> PATH_VALUES = List.of("-1", "0", "abc", "1.5", "99999999999999999999", "%25",
            "%E4%B8%AD%E6%96%87", "%20", "1%3B2", "null", "x".repeat(3000));
    private static final List<String> QUERY_VALUES = List.of("abc", "-1", "", "99999999999999999999", "2026-13-45",
            "1e309", "%00", "x".repeat(3000), "%E2%98%83");
    private static final List<String> HOSTILE_STRINGS = List.of("' OR '1'='1", "<script>alert(1)</script>", "../../etc/passwd",
            "\u0000", "😀", "中文名称", "\uFFFF", "%s%n", "${jndi:ldap://x}", "-0", "NaN", "  ", "\u202Eevil", "a\r\nSet-Cookie: x=1");
    private static final List<String> LANGUAGES = List.of("en", "zh-CN", "zh-CN,zh;q=0.9,en;q=0.8", "xx-INVALID;q=abc", "*");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode docs;
    private final Random random;

    FuzzInputs(JsonNode docs, Random random) {
        this.docs = docs;
        this.random = random;
    }

    static List<Operation> operations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String method = entry.getKey().toUpperCase();
            if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            JsonNode operation = entry.getValue();
            List<JsonNode> parameters = new ArrayList<>();
            path.getValue().path("parameters").forEach(parameters::add);
            operation.path("parameters").forEach(parameters::add);
            JsonNode content = operation.path("requestBody").path("content");
            JsonNode schema = content.has("application/json") ? content.path("application/json").path("schema")
                    : content.isEmpty() ? null : content.iterator().next().path("schema");
            operations.add(new Operation(method, path.getKey(), parameters, schema));
        }));
        return operations;
    }

    List<Attempt> attempts(Operation operation) {
        List<Attempt> attempts = new ArrayList<>();
        String query = requiredQuery(operation, Map.of());
        String path = fill(operation, Map.of()) + query;
        byte[] plainBody = operation.writes() ? ApiFuzzIT.utf8("{}") : null;
        String plainType = operation.writes() ? "application/json" : null;

        for (String name : operation.parameterNames("path")) {
            List<String> values = new ArrayList<>(PATH_VALUES);
            values.add(encode(hostile()));
            for (String value : values) {
                attempts.add(attempt(operation, fill(operation, Map.of(name, value)) + query, plainType, plainBody,
                        "path " + name + "=" + shorten(value)));
            }
        }
        for (String name : operation.parameterNames("query")) {
            List<String> values = new ArrayList<>(QUERY_VALUES);
            values.add(encode(hostile()));
            for (String value : values) {
                attempts.add(attempt(operation, fill(operation, Map.of()) + requiredQuery(operation, Map.of(name, value)),
                        plainType, plainBody, "query " + name + "=" + shorten(value)));
            }
            attempts.add(attempt(operation, path + (query.isEmpty() ? "?" : "&") + name + "=1&" + name + "=2",
                    plainType, plainBody, "query " + name + " twice"));
        }
        if (operation.writes() || operation.bodySchema() != null) {
            bodies(operation).forEach((description, body) ->
                    attempts.add(attempt(operation, path, "application/json", body, "body " + description)));
            for (String type : List.of("multipart/form-data", "text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "application/json; charset=nonsense")) {
                attempts.add(attempt(operation, path, type, ApiFuzzIT.utf8("{}"), "content type " + type));
            }
            attempts.add(attempt(operation, path, null, ApiFuzzIT.utf8("{}"), "no content type"));
        }
        attempts.add(attempt(operation, path, "multipart/form-data", plainBody, "multipart without a boundary"));
        if (operation.parameterNames("header").contains("Idempotency-Key")) {
            for (List<Map.Entry<String, String>> headers : List.of(
                    List.of(Map.entry("Idempotency-Key", "k".repeat(300))),
                    List.of(Map.entry("Idempotency-Key", "fuzz-a"), Map.entry("Idempotency-Key", "fuzz-b")),
                    List.of(Map.entry("Idempotency-Key", " ")))) {
                attempts.add(new Attempt(operation.method(), path, "application/json", ApiFuzzIT.utf8("{}"), headers,
                        language(), "Idempotency-Key " + shorten(headers.toString())));
            }
        }
        return attempts;
    }

    private Map<String, byte[]> bodies(Operation operation) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("truncated", ApiFuzzIT.utf8("{\"name\": \"tru"));
        bodies.put("empty", new byte[0]);
        bodies.put("[]", ApiFuzzIT.utf8("[]"));
        bodies.put("a string", ApiFuzzIT.utf8("\"text\""));
        bodies.put("null", ApiFuzzIT.utf8("null"));
        bodies.put("{}", ApiFuzzIT.utf8("{}"));
        bodies.put("[null]", ApiFuzzIT.utf8("[null]"));
        bodies.put("an unknown field", ApiFuzzIT.utf8("{\"zzNotAField\": 1}"));
        bodies.put("nested 5000 deep", ApiFuzzIT.utf8("[".repeat(5000) + "]".repeat(5000)));
        bodies.put("1 MB", ApiFuzzIT.utf8("{\"name\": \"" + "x".repeat(1 << 20) + "\"}"));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
        bodies.put("a duplicate key", ApiFuzzIT.utf8("{\"name\": \"a\", \"name\": \"b\"}"));
        if (operation.bodySchema() != null) {
            bodies.put("wrong types", ApiFuzzIT.utf8(wrongTypes(operation.bodySchema(), 0).toString()));
            bodies.put("long values", ApiFuzzIT.utf8(boundary(operation.bodySchema(), true, 0).toString()));
            bodies.put("empty values", ApiFuzzIT.utf8(boundary(operation.bodySchema(), false, 0).toString()));
            bodies.put("hostile strings", ApiFuzzIT.utf8(hostileValues(operation.bodySchema(), 0).toString()));
            bodies.put("nulls", ApiFuzzIT.utf8(nulls(operation.bodySchema()).toString()));
        }
        return bodies;
    }

    /** Every property of the schema given a value of another JSON type than it declares. */
    private JsonNode wrongTypes(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return NODES.stringNode("NOT_A_VALUE");
        }
        return switch (type(s)) {
            case "object" -> {
                if (depth > 0) {
                    yield NODES.numberNode(42);
                }
                ObjectNode object = NODES.objectNode();
                s.path("properties").properties().forEach(p -> object.set(p.getKey(), wrongTypes(p.getValue(), depth + 1)));
                yield object;
            }
            case "array" -> depth == 0 ? NODES.arrayNode().add(wrongTypes(s.path("items"), 1)).add(NODES.nullNode())
                    : NODES.stringNode("not a list");
            case "string" -> NODES.objectNode().put("nested", true);
            case "integer", "number" -> NODES.stringNode("twelve");
            case "boolean" -> NODES.stringNode("perhaps");
            default -> NODES.arrayNode().add(1);
        };
    }

    /** Values of the right type at the edge: huge strings and numbers, or empty strings, zeros and empty lists. */
    private JsonNode boundary(JsonNode schema, boolean large, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return NODES.stringNode(large ? s.path("enum").get(0).asString().repeat(50) : "");
        }
        return switch (type(s)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    s.path("properties").properties().forEach(p -> object.set(p.getKey(), boundary(p.getValue(), large, depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (large && depth < 3) {
                    for (int i = 0; i < 3; i++) {
                        array.add(boundary(s.path("items"), true, depth + 1));
                    }
                }
                yield array;
            }
            case "string" -> NODES.stringNode(large ? stringOfFormat(s.path("format").asString(""), true) : "");
            case "integer" -> large ? NODES.numberNode(new java.math.BigInteger("99999999999999999999999")) : NODES.numberNode(-1);
            case "number" -> large ? NODES.numberNode(new java.math.BigDecimal("1e400")) : NODES.numberNode(-0.000001);
            case "boolean" -> NODES.booleanNode(large);
            default -> NODES.nullNode();
        };
    }

    /** Right types, but strings a hostile client would try (and dates that do not exist). */
    private JsonNode hostileValues(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        return switch (type(s)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    s.path("properties").properties().forEach(p -> object.set(p.getKey(), hostileValues(p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(hostileValues(s.path("items"), depth + 1));
            case "string" -> NODES.stringNode(s.has("format") ? stringOfFormat(s.path("format").asString(), false) : hostile());
            case "integer" -> NODES.numberNode(random.nextBoolean() ? Long.MIN_VALUE : Integer.MAX_VALUE + 1L);
            case "number" -> NODES.numberNode(random.nextDouble() * -1e12);
            default -> NODES.stringNode(hostile());
        };
    }

    private JsonNode nulls(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (type(s).equals("array")) {
            return NODES.arrayNode().add(nulls(s.path("items")));
        }
        ObjectNode object = NODES.objectNode();
        s.path("properties").properties().forEach(p -> object.putNull(p.getKey()));
        return object;
    }

    private static String stringOfFormat(String format, boolean large) {
        return switch (format) {
            case "date" -> large ? "99999-12-31" : "2026-02-30";
            case "date-time" -> large ? "+999999999-12-31T23:59:59Z" : "2026-12-06T25:61:00Z";
            case "email" -> large ? "a".repeat(300) + "@example.com" : "not-an-email";
            case "uuid" -> "not-a-uuid";
            default -> large ? "长".repeat(10_000) : "";
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5; i++) {
            if (s.has("$ref")) {
                String name = s.path("$ref").asString().substring("#/components/schemas/".length());
                s = docs.path("components").path("schemas").path(name);
            } else if (s.has("allOf")) {
                s = s.path("allOf").get(0);
            } else if (s.has("oneOf")) {
                s = s.path("oneOf").get(0);
            } else if (s.has("anyOf")) {
                s = s.path("anyOf").get(0);
            } else {
                break;
            }
        }
        return s;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
    }

    /** The path with the given parameters replaced and every other one set to 1 (an id that exists). */
    private static String fill(Operation operation, Map<String, String> values) {
        String path = operation.path();
        for (String name : operation.parameterNames("path")) {
            path = path.replace("{" + name + "}", values.getOrDefault(name, "1"));
        }
        return path;
    }

    /** The query string with every required parameter set to a plausible value, and the overrides given. */
    private static String requiredQuery(Operation operation, Map<String, String> overrides) {
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : operation.parameters()) {
            if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean()) {
                query.put(p.path("name").asString(), plausible(p.path("schema")));
            }
        }
        query.putAll(overrides);
        return query.isEmpty() ? "" : "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    private static String plausible(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        return switch (schema.path("format").asString("")) {
            case "date" -> "2026-12-01";
            case "date-time" -> "2026-12-01T00:00:00Z";
            default -> "integer".equals(schema.path("type").asString()) ? "1" : "x";
        };
    }

    private Attempt attempt(Operation operation, String path, String contentType, byte[] body, String description) {
        return new Attempt(operation.method(), path, contentType, body, List.of(), language(), description);
    }

    private String language() {
        return LANGUAGES.get(random.nextInt(LANGUAGES.size()));
    }

    private String hostile() {
        if (random.nextInt(3) == 0) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int codePoint = random.nextInt(0x2FFFF);
                if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                    text.appendCodePoint(codePoint);
                }
            }
            return text.toString();
        }
        return HOSTILE_STRINGS.get(random.nextInt(HOSTILE_STRINGS.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…(" + value.length() + ")";
    }
}
