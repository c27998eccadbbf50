package dev.fairlead.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.FaultPostgres;
import dev.fairlead.support.NodeProcess;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A node is killed with {@code kill -9} in the middle of a 100,000-row import (rows of every kind:
 * valid, invalid, repeats of earlier rows); a second node, started afterwards on the same database
 * and upload folder, takes the import over once the first stopped committing chunks. Every row must
 * be accounted for exactly once, with the outcome the file calls for; no lead may be left without
 * an owner or a pool place, no rep's counter out of step with the leads she owns; and the work the
 * dead node's assignments started elsewhere (SLA timers, via events) must be done too.
 *
 * <p>{@code -Dfault.import.rows=…} changes the file's size (see docs/reliability.md).
 */
class ImportSurvivesAKilledNodeIT {

    private static final int ROWS = Integer.getInteger("fault.import.rows", 100_000);

    private final FaultPostgres pg = FaultPostgres.start("import-kill");
    private NodeProcess second;

    @Test
    void everyRowIsAccountedForOnceAfterTheNodeRunningTheImportIsKilled() throws Exception {
        Map<String, String> env = NodeProcess.env(
                "FAIRLEAD_IMPORT_STALE_AFTER", "8s", "FAIRLEAD_IMPORT_RESUME_EVERY", "2s", "FAIRLEAD_IMPORT_CHUNK_SIZE", "500",
                "FAIRLEAD_JOBS_INITIAL_DELAY", "PT3S", "FAIRLEAD_JOBS_EVENT_REDELIVERY_INTERVAL", "PT3S",
                "FAIRLEAD_EVENTS_STALE_AFTER", "PT15S", "FAIRLEAD_EVENTS_STALENESS_CHECK_INTERVAL", "PT3S");
        long jobId;
        int readWhenKilled;
        Path file = Path.of("target", "fault-imports-src", "leads-" + ROWS + ".csv");
        Expected expected = write(file, ROWS);
        try (NodeProcess first = NodeProcess.start("import-a", pg, env)) {
            String token = first.adminToken();
            FaultOrganisation.create(first.api(), token, 12, 100_000, 10_000);
            ApiResponse upload = first.api().as(token).upload("/api/imports?start=true", file, Map.of("charset", "UTF-8"));
            assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
            jobId = upload.tree().path("job").path("id").asLong();
            readWhenKilled = awaitRowsRead(pg.jdbc(), jobId, ROWS / 3);
            first.kill();
        }
        JdbcClient jdbc = pg.jdbc();
        int committedAtKill = rowsRead(jdbc, jobId);
        assertThat(committedAtKill).as("the kill came in the middle of the import").isBetween(1, ROWS - 1);
        assertThat(jdbc.sql("SELECT status FROM import_job WHERE id = ?").param(jobId).query(String.class).single()).isEqualTo("RUNNING");

        Instant restarted = Instant.now();
        second = NodeProcess.start("import-b", pg, env);
        String token = second.adminToken();
        JsonNode job = awaitFinished(second, token, jobId, Duration.ofMinutes(12));
        Duration resumed = Duration.between(restarted, Instant.now());

        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.path("rowsRead").asInt()).isEqualTo(ROWS);
        assertThat(job.path("accepted").asInt() + job.path("merged").asInt() + job.path("rejected").asInt()).isEqualTo(ROWS);
        assertThat(job.path("rejected").asInt()).as("rejected: the invalid rows").isEqualTo(expected.invalid());
        assertThat(job.path("merged").asInt()).as("merged: the repeated rows").isEqualTo(expected.repeats());
        assertThat(job.path("accepted").asInt()).isEqualTo(ROWS - expected.invalid() - expected.repeats());

        assertThat(jdbc.sql("SELECT count(*), count(DISTINCT row_number), min(row_number), max(row_number) FROM import_row WHERE job_id = ?")
                .param(jobId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single())
                .as("one import_row per spreadsheet row (rows 2 to %d)", ROWS + 1).containsExactly(ROWS, ROWS, 2, ROWS + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM lead").query(Long.class).single())
                .as("a lead per accepted row, none twice").isEqualTo(job.path("accepted").asLong());
        assertThat(jdbc.sql("SELECT count(DISTINCT lead_id) FROM import_row WHERE job_id = ? AND outcome IN ('CREATED', 'FLAGGED')")
                .param(jobId).query(Long.class).single()).isEqualTo(job.path("accepted").asLong());
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE owner_rep_id IS NOT NULL").query(Long.class).single())
                .as("the rules really assigned leads").isPositive();
        Map<String, Long> broken = Invariants.broken(jdbc);
        broken.remove("idempotency keys claimed but never answered");
        assertThat(broken).isEqualTo(Invariants.zeros(broken));
        Map<String, Long> unfinished = Invariants.awaitFinishedWork(jdbc);
        assertThat(unfinished).isEqualTo(Invariants.zeros(unfinished));

        System.out.printf("Import of %,d rows: node killed after %,d rows were read (%,d committed); the second node finished it %d s after it was started; "
                        + "%,d accepted + %,d merged + %,d rejected = %,d%n",
                ROWS, readWhenKilled, committedAtKill, resumed.toSeconds(), job.path("accepted").asInt(), job.path("merged").asInt(),
                job.path("rejected").asInt(), ROWS);
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        pg.close();
    }

    private record Expected(int invalid, int repeats) {}

    /**
     * About 1% of rows have a phone and e-mail that cannot be valid (rejected), about 1% repeat an
     * earlier original row's phone (merged into that row's lead); the rest are distinct leads in three cities.
     */
    private static Expected write(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Random random = new Random(2026);
        int invalid = 0;
        int repeats = 0;
        boolean[] bad = new boolean[rows + 1];
        boolean[] repeat = new boolean[rows + 1];
        String[][] cities = {{"上海", "上海"}, {"浙江", "杭州"}, {"广东", "深圳"}};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("公司名称,联系人,职位,手机,邮箱,省份,城市,行业,公司规模,预算\n");
            for (int i = 1; i <= rows; i++) {
                bad[i] = random.nextInt(100) == 0;
                int n = i;
                if (!bad[i] && i > 100 && random.nextInt(100) == 0) {
                    do {
                        n = i - 1 - random.nextInt(Math.min(i - 1, 1000));
                    } while (bad[n] || repeat[n]);
                    repeat[i] = true;
                    repeats++;
                }
                invalid += bad[i] ? 1 : 0;
                String[] city = cities[n % cities.length];
                w.write(String.join(",", "故障测试企业" + n + "有限公司", "王伟" + n, "采购经理",
                        bad[i] ? "12345" : FaultOrganisation.phone(n), bad[i] ? "nobody" : "lead" + n + "@fault" + (n % 97) + ".cn",
                        city[0], city[1], "制造业", "100-499人", String.valueOf(10_000 + (n % 50) * 1_000)));
                w.write('\n');
            }
        }
        return new Expected(invalid, repeats);
    }

    private static int rowsRead(JdbcClient jdbc, long jobId) {
        return jdbc.sql("SELECT rows_read FROM import_job WHERE id = ?").param(jobId).query(Integer.class).single();
    }

    private static int awaitRowsRead(JdbcClient jdbc, long jobId, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (Instant.now().isBefore(deadline)) {
            int read = rowsRead(jdbc, jobId);
            if (read >= atLeast) {
                return read;
            }
            NodeProcess.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("the import did not reach " + atLeast + " rows in time");
    }

    private static JsonNode awaitFinished(NodeProcess node, String token, long jobId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = node.api().as(token).get("/api/imports/" + jobId).tree();
            String status = job.path("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return job;
            }
            NodeProcess.sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("the import was not finished within " + timeout);
    }
}
