import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The baseline: PostgreSQL COPY of the same CSV into a table shaped like {@code lead} (same columns
 * and types, no indexes besides the key), in the same database the import used.
 * {@code java -cp postgresql.jar bench/import/CopyBaseline.java <jdbc-url> <user> <csv>}
 */
public class CopyBaseline {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_copy_lead");
            s.execute("""
                    CREATE TABLE bench_copy_lead (
                        id bigserial PRIMARY KEY, company varchar(200), contact_name varchar(100) NOT NULL, title varchar(100),
                        phone varchar(32), email varchar(254), province text, city text, industry varchar(50),
                        company_size text, budget numeric(14, 2), source text)
                    """);
            long start = System.nanoTime();
            long rows;
            try (Reader in = Files.newBufferedReader(Path.of(args[2]), StandardCharsets.UTF_8)) {
                rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        COPY bench_copy_lead (company, contact_name, title, phone, email, province, city, industry,
                                              company_size, budget, source) FROM STDIN WITH (FORMAT csv, HEADER true)
                        """, in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("COPY rows=%d seconds=%.2f rows_per_second=%.0f%n", rows, seconds, rows / seconds);
        }
    }
}
