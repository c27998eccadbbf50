package dev.fairlead.faults;

import dev.fairlead.support.NodeProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold in the database after any fault, however the load ended: each a query that counts
 * the records breaking the rule, so a failure says how many and which rule.
 */
final class Invariants {

    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put("leads not routed exactly once",
                "SELECT count(*) FROM lead l WHERE (SELECT count(*) FROM routing_assignment a WHERE a.lead_id = l.id) <> 1");
        RULES.put("leads with neither an owner nor a pool place",
                "SELECT count(*) FROM lead WHERE owner_rep_id IS NULL AND pool_id IS NULL");
        RULES.put("leads not owned or pooled as their routing decided", """
                SELECT count(*) FROM lead l JOIN routing_assignment a ON a.lead_id = l.id
                WHERE NOT ((a.outcome = 'ASSIGNED' AND l.owner_rep_id = a.rep_id) OR (a.outcome = 'POOLED' AND l.owner_rep_id IS NULL))
                """);
        RULES.put("leads that changed hands other than once", """
                SELECT count(*) FROM lead l WHERE (SELECT count(*) FROM audit_event e WHERE e.entity_type = 'lead'
                       AND e.entity_id = l.id::text AND e.action IN ('ASSIGN', 'REASSIGN', 'POOL')) <> 1
                """);
        RULES.put("reps past a cap", """
                SELECT count(*) FROM rep r JOIN (SELECT owner_rep_id, count(*) AS n FROM lead GROUP BY owner_rep_id) o
                       ON o.owner_rep_id = r.id
                WHERE o.n > least(r.max_open_leads, r.max_new_per_day)
                """);
        RULES.put("load counters past a cap or out of step with the owned leads", """
                SELECT count(*) FROM rep r LEFT JOIN rep_load l ON l.rep_id = r.id
                WHERE coalesce(l.open_leads, 0) > r.max_open_leads OR coalesce(l.new_today, 0) > r.max_new_per_day
                   OR coalesce(l.open_leads, 0) <> (SELECT count(*) FROM lead WHERE owner_rep_id = r.id)
                """);
        RULES.put("leads without a score", "SELECT count(*) FROM lead l WHERE NOT EXISTS (SELECT 1 FROM lead_score s WHERE s.lead_id = l.id)");
        RULES.put("idempotency keys claimed but never answered", "SELECT count(*) FROM idempotency_request WHERE completed_at IS NULL");
    }

    private Invariants() {}

    /** Each rule with the number of records that break it; all zero when the data is whole. */
    static Map<String, Long> broken(JdbcClient jdbc) {
        Map<String, Long> found = new LinkedHashMap<>();
        RULES.forEach((rule, sql) -> found.put(rule, jdbc.sql(sql).query(Long.class).single()));
        return found;
    }

    /** Events whose listener never finished, and owned open leads without the SLA timer their assignment starts. */
    static Map<String, Long> unfinishedWork(JdbcClient jdbc) {
        Map<String, Long> found = new LinkedHashMap<>();
        found.put("events not delivered to their listener",
                jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single());
        found.put("owned leads without an SLA timer", jdbc.sql("""
                SELECT count(*) FROM lead l WHERE l.owner_rep_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM sla_timer t WHERE t.lead_id = l.id AND t.rep_id = l.owner_rep_id)
                """).query(Long.class).single());
        return found;
    }

    static Map<String, Long> zeros(Map<String, Long> found) {
        Map<String, Long> zero = new LinkedHashMap<>();
        found.keySet().forEach(k -> zero.put(k, 0L));
        return zero;
    }

    /** Waits (up to two minutes) for events a fault left undelivered to be redelivered; what is still unfinished then. */
    static Map<String, Long> awaitFinishedWork(JdbcClient jdbc) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Map<String, Long> found = unfinishedWork(jdbc);
        while (found.values().stream().anyMatch(v -> v > 0) && Instant.now().isBefore(deadline)) {
            NodeProcess.sleep(Duration.ofSeconds(2));
            found = unfinishedWork(jdbc);
        }
        return found;
    }
}
