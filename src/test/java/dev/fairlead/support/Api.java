package dev.fairlead.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the application under test over real HTTP on its random port, the way an integrator
 * (bearer token) or a browser (cookies, forms) would. Redirects are not followed, so tests see them.
 */
public class Api {

    private final Supplier<String> base;
    private final JsonMapper json;
    private final HttpClient stateless = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    Api(Environment environment, JsonMapper json) {
        this(() -> "http://localhost:" + environment.getRequiredProperty("local.server.port"), json);
    }

    private Api(Supplier<String> base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    /** A client of a Fairlead that runs elsewhere, e.g. in a process of its own ({@link NodeProcess}). */
    public static Api at(String baseUrl) {
        return new Api(() -> baseUrl, JsonMapper.builder().build());
    }

    /** An API client authenticated with {@code Authorization: Bearer <token>}. */
    public Request as(String token) {
        return new Request(stateless).header("Authorization", "Bearer " + token);
    }

    /** An API client without credentials. */
    public Request anonymous() {
        return new Request(stateless);
    }

    /** A browser: keeps cookies (the session) between requests. */
    public Request browser() {
        HttpClient withCookies = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
        return new Request(withCookies);
    }

    public JsonMapper json() {
        return json;
    }

    private URI uri(String path) {
        return URI.create(base.get() + path);
    }

    public final class Request {

        private final HttpClient client;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Request(HttpClient client) {
            this.client = client;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        /** Asks for messages in this language, e.g. {@code zh-CN}. */
        public Request language(String languageTag) {
            return header("Accept-Language", languageTag);
        }

        public ApiResponse get(String path) {
            return send(builder(path).GET());
        }

        public ApiResponse delete(String path) {
            return send(builder(path).DELETE());
        }

        /** POSTs {@code body} as JSON: a String is sent as it is, anything else is serialised. */
        public ApiResponse post(String path, Object body) {
            return send(builder(path).header("Content-Type", "application/json").POST(jsonBody(body)));
        }

        public ApiResponse put(String path, Object body) {
            return send(builder(path).header("Content-Type", "application/json").PUT(jsonBody(body)));
        }

        public ApiResponse postForm(String path, Map<String, String> fields) {
            String form = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** A form whose fields may repeat (several rows of a table, several checked boxes), in order. */
        public ApiResponse postForm(String path, java.util.List<Map.Entry<String, String>> fields) {
            String form = fields.stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** POSTs {@code file} as {@code multipart/form-data} (part "file"), with text parts; the file is streamed, not read whole. */
        public ApiResponse upload(String path, java.nio.file.Path file, Map<String, String> fields) {
            String boundary = "----fairlead" + java.util.UUID.randomUUID();
            StringBuilder head = new StringBuilder();
            fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(file.getFileName()).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            try {
                HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
                return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
            } catch (java.io.FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Any method with any body bytes and content type (null: none), plus headers that may repeat:
         * what a careless or hostile client sends.
         */
        public ApiResponse raw(String method, String path, String contentType, byte[] body, java.util.List<Map.Entry<String, String>> extraHeaders) {
            HttpRequest.Builder builder = builder(path);
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            extraHeaders.forEach(h -> builder.header(h.getKey(), h.getValue()));
            return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        private HttpRequest.Builder builder(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
            headers.forEach(builder::header);
            return builder;
        }

        private HttpRequest.BodyPublisher jsonBody(Object body) {
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        }

        private ApiResponse send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new ApiResponse(response.statusCode(), response.headers(), response.body(), json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
