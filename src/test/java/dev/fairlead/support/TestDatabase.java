package dev.fairlead.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: the server named by {@code FAIRLEAD_TEST_DB_URL} (with
 * {@code FAIRLEAD_TEST_DB_USER} / {@code FAIRLEAD_TEST_DB_PASSWORD}), or else one embedded server
 * per test JVM. Every Spring context gets a database of its own, created empty.
 */
public final class TestDatabase {

    public record Coordinates(String url, String username, String password) {}

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    public static synchronized Coordinates fresh() {
        String name = "fairlead_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String external = System.getenv("FAIRLEAD_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv().getOrDefault("FAIRLEAD_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("FAIRLEAD_TEST_DB_PASSWORD", "");
            execute(external, user, password, "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            return new Coordinates(withDatabase(external, name), user, password);
        }
        EmbeddedPostgres pg = embedded();
        String admin = pg.getJdbcUrl("postgres", "postgres");
        execute(admin, "postgres", "", "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        return new Coordinates(pg.getJdbcUrl("postgres", name), "postgres", "");
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                Path dir = Files.createTempDirectory("fairlead-test-pg");
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(true)
                        .setRegisterShutdownHook(false)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterSpringContexts, "test-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embedded;
    }

    /**
     * Shutdown hooks run concurrently. Stopping the server while Spring's hook is still closing the
     * cached test contexts would leave them waiting for connections, so wait for that hook first.
     */
    private static void stopAfterSpringContexts() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> "SpringContextShutdownHook".equals(t.getName()))
                .forEach(t -> {
                    try {
                        t.join(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        try {
            embedded.close();
        } catch (IOException ignored) {
            // the JVM is exiting; nothing else to do
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare test database: " + e.getMessage(), e);
        }
    }
}
