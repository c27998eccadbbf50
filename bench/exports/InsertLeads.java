import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Inserts {@code rows} unowned leads (the admin sees them all), in one statement (generate_series), for
 * the export benchmark. {@code java -cp postgresql.jar bench/exports/InsertLeads.java <jdbc-url> <user> <rows>}
 */
public class InsertLeads {

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[2]);
        try (Connection c = DriverManager.getConnection(args[0], args[1], "")) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO lead (source, company, contact_name, title, phone, email, industry, status,
                                      score, grade, budget, created_at)
                    SELECT 'WEB_FORM', '压测导出公司 ' || g, '联系人 ' || g, '采购经理', '138' || lpad(g::text, 8, '0'),
                           'lead' || g || '@bench.test', 'manufacturing', 'NEW', g % 101, 'B', (g % 1000) * 100,
                           now() - g * interval '1 second'
                    FROM generate_series(1, ?) g""")) {
                s.setLong(1, rows);
                long t = System.nanoTime();
                s.executeUpdate();
                System.out.printf("inserted %,d leads in %.1f s%n", rows, (System.nanoTime() - t) / 1e9);
            }
            c.createStatement().execute("VACUUM ANALYZE lead");
        }
    }
}
