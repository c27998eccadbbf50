package dev.fairlead.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.FaultPostgres;
import dev.fairlead.support.NodeProcess;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Fairlead processes on one database, 200 clients sending leads over HTTP to both at once,
 * reps with daily caps that the load fills, so the last places are raced for across nodes. No lead
 * may be assigned twice, no cap passed, none left without an owner or a pool place, and every rep
 * ends exactly at her cap. {@code verify} sends 2,000 leads; {@code bench/faults/run.sh} sends
 * 100,000 ({@code -Dfault.nodes.leads}, {@code -Dfault.nodes.clients}).
 */
class TwoNodesUnderLoadIT {

    private static final int CLIENTS = Integer.getInteger("fault.nodes.clients", 200);
    private static final int LEADS = Integer.getInteger("fault.nodes.leads", 2_000);
    private static final int REPS = 6;

    private final FaultPostgres pg = FaultPostgres.start("two-nodes");
    private final List<NodeProcess> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(NodeProcess::close);
        pg.close();
    }

    @Test
    void twoHundredClientsOnTwoNodesNeverDoubleAssignNeverPassACapAndLeaveNoLeadBehind() throws Exception {
        Map<String, String> env = NodeProcess.env("FAIRLEAD_DB_POOL_SIZE", "20", "SERVER_TOMCAT_THREADS_MAX", "120");
        nodes.add(NodeProcess.start("nodes-a", pg, env));
        nodes.add(NodeProcess.start("nodes-b", pg, env));
        String token = nodes.get(0).adminToken();
        // Caps that take about 60% of the leads: the rest are raced for and then pooled.
        int dailyCap = Math.max(1, LEADS * 6 / 10 / REPS);
        FaultOrganisation.create(nodes.get(0).api(), token, REPS, Math.max(dailyCap, 1_000), Math.min(dailyCap, 10_000));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong next = new AtomicLong();
        Set<String> findings = ConcurrentHashMap.newKeySet();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        Instant start = Instant.now();
        for (int c = 0; c < CLIENTS; c++) {
            NodeProcess node = nodes.get(c % 2);
            running.add(clients.submit(() -> {
                for (long n = next.getAndIncrement(); n < LEADS; n = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/leads"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(FaultOrganisation.lead(n), StandardCharsets.UTF_8)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    latencies.add(System.nanoTime() - t0);
                    if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                        findings.add(node.name() + ": " + answer.statusCode() + " " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(30, TimeUnit.MINUTES);
        }
        Duration took = Duration.between(start, Instant.now());
        clients.shutdown();

        assertThat(findings).as("answers other than 201").isEmpty();
        JdbcClient jdbc = pg.jdbc();
        assertThat(jdbc.sql("SELECT count(*) FROM lead").query(Long.class).single()).isEqualTo(LEADS);
        Map<String, Long> broken = Invariants.broken(jdbc);
        assertThat(broken).isEqualTo(Invariants.zeros(broken));
        long owned = jdbc.sql("SELECT count(*) FROM lead WHERE owner_rep_id IS NOT NULL").query(Long.class).single();
        assertThat(owned).as("every rep filled to her daily cap, none past it").isEqualTo((long) REPS * Math.min(dailyCap, 10_000));

        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("Two nodes, %d clients, %,d leads in %.1f s (%.0f leads/s; p50 %.1f ms, p99 %.1f ms): %,d owned (%d reps at their cap of %d), "
                        + "%,d pooled; 0 double assignments, 0 cap overruns, 0 leads without a place%n",
                CLIENTS, LEADS, took.toMillis() / 1000.0, LEADS * 1000.0 / took.toMillis(), sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6, owned, REPS, dailyCap, LEADS - owned);
    }
}
