package dev.fairlead.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.FaultPostgres;
import dev.fairlead.support.NodeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database is restarted while 32 clients send leads to a node, each with an
 * {@code Idempotency-Key}, retrying what was not acknowledged (and sometimes repeating what was).
 * While it is gone the node must answer {@code 503} with {@code Retry-After} — never a 500 or a
 * wrong 4xx — and afterwards every acknowledged lead must be there, none twice, none half-written
 * (routed, owned or pooled, scored, counted, its SLA timer started).
 */
class DatabaseRestartUnderLoadIT {

    private static final int CLIENTS = Integer.getInteger("fault.restart.clients", 32);
    private static final int LEADS_PER_CLIENT = Integer.getInteger("fault.restart.leads-per-client", 40);
    private static final Pattern LEAD_ID = Pattern.compile("\"leadId\":(\\d+)");

    private final FaultPostgres pg = FaultPostgres.start("db-restart");
    private NodeProcess node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        pg.close();
    }

    @Test
    void clientsGetRetriableAnswersWhileTheDatabaseRestartsAndNothingIsLostOrDoubled() throws Exception {
        node = NodeProcess.start("db-restart", pg, NodeProcess.env(
                "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "2000", "FAIRLEAD_DB_POOL_SIZE", "16",
                "FAIRLEAD_JOBS_INITIAL_DELAY", "PT3S", "FAIRLEAD_JOBS_EVENT_REDELIVERY_INTERVAL", "PT3S",
                "FAIRLEAD_EVENTS_STALE_AFTER", "PT15S", "FAIRLEAD_EVENTS_STALENESS_CHECK_INTERVAL", "PT3S"));
        String token = node.adminToken();
        FaultOrganisation.create(node.api(), token, 8, 100_000, 10_000);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Set<String> findings = ConcurrentHashMap.newKeySet();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger brokenConnections = new AtomicInteger();
        AtomicInteger repeats = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (int i = 0; i < LEADS_PER_CLIENT; i++) {
                    long n = client * 100_000L + i;
                    String key = UUID.randomUUID().toString();
                    String body = FaultOrganisation.lead(n);
                    Long id = null;
                    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                    while (id == null && Instant.now().isBefore(deadline)) {
                        try {
                            HttpResponse<String> answer = post(http, token, body, key);
                            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                                id = leadId(answer.body());
                            } else if (answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isPresent()
                                    && answer.body().contains("\"retryable\":true")) {
                                unavailable.incrementAndGet();
                                NodeProcess.sleep(Duration.ofMillis(500));
                            } else {
                                findings.add(answer.statusCode() + " " + answer.body());
                                NodeProcess.sleep(Duration.ofMillis(500));
                            }
                        } catch (IOException e) {
                            brokenConnections.incrementAndGet();
                            NodeProcess.sleep(Duration.ofMillis(500));
                        }
                    }
                    if (id == null) {
                        findings.add("lead " + n + " never acknowledged");
                        continue;
                    }
                    acknowledged.put(key, id);
                    if (i % 8 == 0) {
                        // an acknowledged request repeated, as a client that lost the answer would
                        repeats.incrementAndGet();
                        try {
                            HttpResponse<String> again = post(http, token, body, key);
                            if (again.statusCode() < 300 && !id.equals(leadId(again.body()))) {
                                findings.add("the same key answered lead " + leadId(again.body()) + " after " + id);
                            }
                        } catch (IOException e) {
                            brokenConnections.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        JdbcClient jdbc = pg.jdbc();
        awaitLeads(jdbc, CLIENTS * LEADS_PER_CLIENT / 4);
        Instant down = Instant.now();
        pg.stop();
        NodeProcess.sleep(Duration.ofSeconds(5));
        pg.restart();
        Duration outage = Duration.between(down, Instant.now());
        for (Future<?> f : running) {
            f.get(6, TimeUnit.MINUTES);
        }
        clients.shutdown();

        assertThat(findings).as("answers other than an acknowledgement or a retriable 503").isEmpty();
        assertThat(unavailable.get() + brokenConnections.get()).as("the restart hit live requests").isPositive();
        assertThat(acknowledged).hasSize(CLIENTS * LEADS_PER_CLIENT);
        List<Long> ids = List.copyOf(acknowledged.values());
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE id IN (:ids)").param("ids", ids).query(Long.class).single())
                .as("every acknowledged lead is stored").isEqualTo(ids.size());
        assertThat(jdbc.sql("SELECT count(*) FROM lead").query(Long.class).single()).as("no lead created twice").isEqualTo(ids.size());
        assertThat(jdbc.sql("SELECT count(*) FROM (SELECT phone FROM lead GROUP BY phone HAVING count(*) > 1) d").query(Long.class).single())
                .isZero();
        Map<String, Long> broken = Invariants.broken(jdbc);
        assertThat(broken).isEqualTo(Invariants.zeros(broken));
        Map<String, Long> unfinished = Invariants.awaitFinishedWork(jdbc);
        assertThat(unfinished).isEqualTo(Invariants.zeros(unfinished));

        System.out.printf("Database restarted (down %d s) under %d clients: %,d leads acknowledged, %,d retriable 503 answers, "
                        + "%,d broken connections, %,d acknowledged requests repeated; 0 lost, 0 doubled, 0 half-written%n",
                outage.toSeconds(), CLIENTS, ids.size(), unavailable.get(), brokenConnections.get(), repeats.get());
    }

    private HttpResponse<String> post(HttpClient http, String token, String body, String key) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/leads"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Long leadId(String body) {
        Matcher m = LEAD_ID.matcher(body);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    private static void awaitLeads(JdbcClient jdbc, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (jdbc.sql("SELECT count(*) FROM lead").query(Long.class).single() < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + atLeast + " leads arrived in time");
            }
            NodeProcess.sleep(Duration.ofMillis(100));
        }
    }
}
