import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The floor under any import that stores what Fairlead must store per lead: after an import run, the
 * rows it wrote (the lead, its behaviours, its score with the criteria's contributions, the audit
 * entries, the import accounting row, the routing decision with its explanation, the move, the SLA
 * timer) are exported and written again with PostgreSQL {@code COPY}, the fastest way in, into
 * copies of those tables with the same columns, defaults, constraints and indexes (foreign keys
 * left out), one {@code COPY} per table in one transaction. No parsing, validation, de-duplication,
 * scoring or routing, no statements per chunk: what is left is only the writing. An import can go no
 * faster than this on the same database.
 * {@code java -cp postgresql.jar bench/import/WriteSetFloor.java <jdbc-url> <user>}
 */
public class WriteSetFloor {

    static final List<String> TABLES = List.of("lead", "lead_behaviour", "lead_score", "audit_event", "import_row",
            "routing_assignment", "lead_move", "sla_timer", "routing_points_ledger", "lead_merge");

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], ""); Statement s = c.createStatement()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long leads = count(s, "SELECT count(*) FROM lead");
            Map<String, byte[]> data = new LinkedHashMap<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : TABLES) {
                if (count(s, "SELECT count(*) FROM pg_class WHERE relname = '" + table + "' AND relkind = 'r'") == 0) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                rows.put(table, copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", out));
                data.put(table, out.toByteArray());
                s.execute("DROP TABLE IF EXISTS floor_" + table);
                s.execute("CREATE TABLE floor_" + table + " (LIKE " + table + " INCLUDING ALL)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            List<String> report = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : data.entrySet()) {
                long t = System.nanoTime();
                copy.copyIn("COPY floor_" + e.getKey() + " FROM STDIN (FORMAT binary)", new ByteArrayInputStream(e.getValue()));
                report.add(String.format("%s %d rows %.0f MB %.2f s", e.getKey(), rows.get(e.getKey()),
                        e.getValue().length / 1e6, (System.nanoTime() - t) / 1e9));
            }
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            for (String table : data.keySet()) {
                s.execute("DROP TABLE floor_" + table);
            }
            System.out.println("FLOOR per table: " + String.join("; ", report));
            System.out.printf("FLOOR leads=%d seconds=%.2f leads_per_second=%.0f%n", leads, seconds, leads / seconds);
        }
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
