import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Bytes per lead of every table an imported lead touches, after {@code VACUUM ANALYZE}: the whole
 * relation ({@code pg_total_relation_size}: heap, TOAST and indexes) divided by the number of leads,
 * and for routing_assignment the explanation column alone ({@code pg_column_size}, as stored, after
 * any compression). Run by {@code bench/import/run.sh} after the import.
 * {@code java -cp postgresql.jar bench/import/TableSizes.java <jdbc-url> <user>}
 */
public class TableSizes {

    static final List<String> TABLES = List.of("lead", "lead_behaviour", "lead_score", "audit_event", "import_row",
            "routing_assignment", "lead_move", "sla_timer", "routing_points_ledger", "lead_merge");

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], ""); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
            long leads = single(s, "SELECT count(*) FROM lead");
            long total = 0;
            System.out.printf("SIZES per lead over %,d leads (pg_total_relation_size after VACUUM ANALYZE)%n", leads);
            for (String table : TABLES) {
                if (single(s, "SELECT count(*) FROM pg_class WHERE relname = '" + table + "' AND relkind = 'r'") == 0) {
                    continue;
                }
                long bytes = single(s, "SELECT pg_total_relation_size('" + table + "')");
                long rows = single(s, "SELECT count(*) FROM " + table);
                total += bytes;
                System.out.printf("  %-22s %,12d bytes  %,9d rows  %,7.0f B/lead%n", table, bytes, rows, leads == 0 ? 0.0 : (double) bytes / leads);
            }
            System.out.printf("  %-22s %,12d bytes            %,7.0f B/lead  (1M leads: %.2f GB, 10M: %.1f GB)%n", "all", total,
                    leads == 0 ? 0.0 : (double) total / leads, total / (double) Math.max(leads, 1) * 1e6 / 1e9,
                    total / (double) Math.max(leads, 1) * 1e7 / 1e9);
            try (ResultSet rs = s.executeQuery("""
                    SELECT count(*), coalesce(avg(pg_column_size(explanation)), 0), coalesce(avg(octet_length(explanation::text)), 0)
                    FROM routing_assignment WHERE explanation IS NOT NULL""")) {
                rs.next();
                System.out.printf("  explanations: %,d, %.0f bytes stored on average (%.0f bytes of text)%n", rs.getLong(1), rs.getDouble(2),
                        rs.getDouble(3));
            }
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
