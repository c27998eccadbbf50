package dev.fairlead.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Org;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the application's own {@code /v3/api-docs}, sent what a careless or hostile
 * client sends ({@link FuzzInputs}): wrong path and query values, broken, wrongly typed, huge and
 * deeply nested bodies, odd content types, repeated headers. No answer may be a {@code 5xx}; every
 * {@code 4xx} is a problem body; and a rejected request stores nothing ({@link DatabaseFingerprint}).
 *
 * <p>The inputs come from a fixed seed, so CI sees the same requests every build; a longer run with
 * other seeds is {@code -Dfairlead.fuzz.seed=… -Dfairlead.fuzz.rounds=20} (docs/reliability.md). The
 * test has a context and database of its own (and no scheduled jobs), so what it writes by accident
 * disturbs no other test and no background job writes while it compares.
 */
@IntegrationTest
@TestPropertySource(properties = {"fairlead.jobs.enabled=false", "fairlead.test.context=fuzz"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(ApiFuzzIT.class);

    static final long SEED = Long.getLong("fairlead.fuzz.seed", 20261206L);
    static final int ROUNDS = Integer.getInteger("fairlead.fuzz.rounds", 1);

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;

    DatabaseFingerprint database;

    Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
        database = new DatabaseFingerprint(jdbc);
    }

    @Test
    void noOperationAnswersAnyMalformedRequestWithAServerErrorAndARejectedOneStoresNothing() {
        JsonNode docs = api.anonymous().get("/v3/api-docs").tree();
        List<FuzzInputs.Operation> operations = FuzzInputs.operations(docs);
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(100);

        List<String> findings = new ArrayList<>();
        int tried = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            FuzzInputs inputs = new FuzzInputs(docs, new Random(SEED + round));
            for (FuzzInputs.Operation operation : operations) {
                for (FuzzInputs.Attempt attempt : inputs.attempts(operation)) {
                    for (String token : List.of(org.admin().token(), org.rep().token())) {
                        ApiResponse response = send(token, attempt);
                        tried++;
                        if (response.status() >= 400) {
                            rejected++;
                        }
                        judge(attempt, response, findings);
                    }
                }
            }
        }
        log.info("API fuzz: {} operations, {} requests, {} rejected with a 4xx, {} findings (seed {}, {} rounds)",
                operations.size(), tried, rejected, findings.size(), SEED, ROUNDS);

        assertThat(findings).as("%d requests tried", tried).isEmpty();
    }

    private ApiResponse send(String token, FuzzInputs.Attempt attempt) {
        database.awaitQuiet();
        Map<String, String> before = database.fingerprint();
        ApiResponse response;
        try {
            response = api.as(token).language(attempt.language())
                    .raw(attempt.method(), attempt.path(), attempt.contentType(), attempt.body(), attempt.headers());
        } catch (java.io.UncheckedIOException e) {
            // a connection broken mid-answer (a streamed body cut off) is a finding like a 500, named by its request
            return new ApiResponse(599, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), "connection broken: " + e.getMessage(), api.json());
        }
        if (response.status() >= 400) {
            database.awaitQuiet();
            Map<String, String> after = database.fingerprint();
            List<String> changed = DatabaseFingerprint.changedTables(before, after);
            if (!changed.isEmpty()) {
                return new ApiResponse(-response.status(), response.headers(), "wrote " + changed + " | " + response.body(), api.json());
            }
        }
        return response;
    }

    private static void judge(FuzzInputs.Attempt attempt, ApiResponse response, List<String> findings) {
        int status = Math.abs(response.status());
        String what = attempt.method() + " " + abbreviate(attempt.path(), 120) + " [" + attempt.description() + "] → " + status;
        if (response.status() < 0) {
            findings.add(what + " but the rejected request " + abbreviate(response.body(), 300));
        } else if (status >= 500) {
            findings.add(what + ": " + abbreviate(response.body(), 300));
        } else if (status >= 400) {
            String type = response.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                findings.add(what + " without a problem body (" + type + "): " + abbreviate(response.body(), 200));
            } else if (response.tree().path("status").asInt() != status) {
                findings.add(what + " with a problem body whose status is " + response.tree().path("status"));
            }
        }
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
