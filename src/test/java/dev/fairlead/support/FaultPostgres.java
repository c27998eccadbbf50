package dev.fairlead.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server of a fault test's own (not the shared test server), so the test can stop and
 * start it under load: same data directory, same port, the data kept. {@link #jdbc()} opens a new
 * connection per statement, so it works again as soon as the server is back.
 */
public final class FaultPostgres implements AutoCloseable {

    public static final String DATABASE = "fairlead";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private FaultPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a new, empty server with a database {@value #DATABASE}. */
    public static FaultPostgres start(String name) {
        try {
            Path dir = Path.of("target", "fault-pg", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
            FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
            FaultPostgres pg = new FaultPostgres(dir, freePort());
            pg.startServer();
            try (Connection c = DriverManager.getConnection(pg.server.getJdbcUrl("postgres", "postgres"), "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(url(), "postgres", ""));
    }

    /** Stops the server the way an operator or a failover does ("fast": open sessions are ended). */
    public synchronized void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it again on the same files and port. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    private void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }
}
