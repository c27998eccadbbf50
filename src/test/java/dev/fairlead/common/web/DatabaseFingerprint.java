package dev.fairlead.common.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a request wrote anything: for every table, its row count and the newest row version
 * ({@code max(xmin)}, which an insert or an update moves), compared before and after. Tables that
 * record the attempt itself (event publications, job locks, wrong passwords) are left out.
 */
final class DatabaseFingerprint {

    // Bookkeeping that a rejected request may rightly write: failed logins are counted, a token's
    // last use is stamped before the role check refuses it, and the public survey link counts every
    // request of an address (refused ones too) to rate-limit guessing.
    private static final Set<String> IGNORED = Set.of("flyway_schema_history", "shedlock", "event_publication", "login_failure", "api_token",
            "survey_request");

    private final JdbcClient jdbc;
    private final String query;

    DatabaseFingerprint(JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                .query(String.class).list().stream().filter(t -> !IGNORED.contains(t)).toList();
        this.query = tables.stream()
                .map(t -> "SELECT '" + t + "' AS t, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS f FROM \"" + t + "\"")
                .collect(Collectors.joining(" UNION ALL "));
    }

    Map<String, String> fingerprint() {
        Map<String, String> tables = new LinkedHashMap<>();
        jdbc.sql(query).query((rs, n) -> tables.put(rs.getString("t"), rs.getString("f"))).list();
        return tables;
    }

    /** Waits (at most five seconds) until no event listener is still working on an earlier request. */
    void awaitQuiet() {
        for (int i = 0; i < 250; i++) {
            if (jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static List<String> changedTables(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, print) -> {
            if (!Objects.equals(before.get(table), print)) {
                changed.add(table);
            }
        });
        return changed;
    }
}
