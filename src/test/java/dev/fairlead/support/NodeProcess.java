package dev.fairlead.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Fairlead node in a process of its own, started from the application jar that {@code package}
 * built, the way production runs it: so a fault test can {@code kill -9} it, restart it, or run two
 * of them on one database. Its log goes to {@code target/test-logs/node-<name>.log} (console output
 * beside it, {@code .out}).
 */
public final class NodeProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "Fault-test-2026!";

    private final String name;
    private final int port;
    private final Process process;

    private NodeProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a node on {@code database} with no demo data and the login {@code admin} /
     * {@link #ADMIN_PASSWORD}, waits until it answers healthy. {@code env} adds or overrides
     * settings ({@code FAIRLEAD_*} environment variables, as an operator sets them).
     */
    public static NodeProcess start(String name, FaultPostgres database, Map<String, String> env) {
        int port = FaultPostgres.freePort();
        Path logs = Path.of("target", "test-logs").toAbsolutePath();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-jar", jar().toString());
        Map<String, String> environment = builder.environment();
        environment.putAll(Map.of(
                "FAIRLEAD_DB_URL", database.url(),
                "FAIRLEAD_DB_USER", "postgres",
                "FAIRLEAD_DB_PASSWORD", "",
                "FAIRLEAD_PORT", String.valueOf(port),
                "FAIRLEAD_DEMO_DATA", "false",
                "FAIRLEAD_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "FAIRLEAD_LOG_FILE", logs.resolve("node-" + name + ".log").toString(),
                "FAIRLEAD_IMPORT_DIR", Path.of("target", "fault-imports").toAbsolutePath().toString()));
        environment.putAll(env);
        builder.redirectErrorStream(true).redirectOutput(logs.resolve("node-" + name + ".out").toFile());
        try {
            NodeProcess node = new NodeProcess(name, port, builder.start());
            node.awaitHealthy(Duration.ofMinutes(4));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar {@code ./mvnw package} built (failsafe's integration tests run after it). */
    static Path jar() {
        File[] jars = new File("target").listFiles((dir, file) -> file.startsWith("fairlead-") && file.endsWith(".jar")
                && !file.endsWith("-plain.jar") && !file.endsWith("-sources.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No application jar in target/: run the fault tests through ./mvnw verify (package builds it)");
        }
        return Arrays.stream(jars).max((a, b) -> Long.compare(a.lastModified(), b.lastModified())).orElseThrow().toPath().toAbsolutePath();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    /** An API client for this node. */
    public Api api() {
        return Api.at(baseUrl());
    }

    /** Logs in as admin in a browser session and creates an API token for admin; returns its secret. */
    public String adminToken() {
        Api api = api();
        Api.Request browser = api.browser();
        String login = browser.get("/login").body();
        ApiResponse loggedIn = browser.postForm("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD,
                "_csrf", find(login, "name=\"_csrf\" value=\"([^\"]+)\"")));
        if (loggedIn.status() != 302 || loggedIn.location().contains("error")) {
            throw new IllegalStateException("admin could not log in on node " + name + ": " + loggedIn);
        }
        String home = browser.get("/").body();
        String csrf = find(home, "<meta name=\"_csrf\" content=\"([^\"]+)\"");
        long adminId = browser.get("/api/me").tree().path("id").asLong();
        ApiResponse token = browser.header("X-CSRF-TOKEN", csrf)
                .post("/api/tokens", Map.of("userId", adminId, "name", "fault test " + name));
        if (token.status() != 201 && token.status() != 200) {
            throw new IllegalStateException("no API token from node " + name + ": " + token);
        }
        return token.tree().path("secret").asString();
    }

    private static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("not found in page: " + regex);
        }
        return m.group(1);
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue()
                        + "; see target/test-logs/node-" + name + ".out");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        process.destroyForcibly();
        throw new IllegalStateException("node " + name + " not healthy within " + timeout);
    }

    /** {@code kill -9}: no shutdown hook, no graceful shutdown, transactions cut where they are. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** A graceful stop (SIGTERM). */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Environment for a node, starting from {@code pairs} (name, value, name, value, …). */
    public static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
