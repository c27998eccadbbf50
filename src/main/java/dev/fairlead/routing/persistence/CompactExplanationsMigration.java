package dev.fairlead.routing.persistence;

import dev.fairlead.routing.domain.Explanation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flyway migration V71: every explanation stored in the full form before decision 0215 is rewritten
 * in the compact one (those the compact form cannot carry exactly stay as they are), in batches by
 * id, with progress in the log. Reading does not depend on it ({@link ExplanationCodec} reads both
 * forms); it gives the space back. PostgreSQL reuses the freed space for new rows; a
 * {@code VACUUM FULL routing_assignment} in a maintenance window returns it to the file system.
 */
@Component
public class CompactExplanationsMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(CompactExplanationsMigration.class);
    static final int BATCH = 1000;

    private final ExplanationCodec codec;

    CompactExplanationsMigration(JsonMapper json) {
        this.codec = new ExplanationCodec(json);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("71");
    }

    @Override
    public String getDescription() {
        return "compact routing explanations";
    }

    @Override
    public Integer getChecksum() {
        return 71_0215;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        compactAll(context.getConnection());
    }

    /** Rewrites every full-form explanation that has a compact form; returns how many were rewritten. */
    public long compactAll(Connection connection) throws SQLException {
        long after = 0;
        long seen = 0;
        long rewritten = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, rule_set_id, rule_set_version, outcome, rep_id, rule_key, explanation::text
                FROM routing_assignment WHERE id > ? AND explanation IS NOT NULL ORDER BY id LIMIT ?""");
             PreparedStatement update = connection.prepareStatement("UPDATE routing_assignment SET explanation = CAST(? AS json) WHERE id = ?")) {
            while (true) {
                select.setLong(1, after);
                select.setInt(2, BATCH);
                int rows = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        after = rs.getLong(1);
                        String stored = rs.getString(7);
                        if (codec.isCompact(stored)) {
                            continue;
                        }
                        ExplanationCodec.Header header = new ExplanationCodec.Header((Long) rs.getObject(2), (Integer) rs.getObject(3),
                                Explanation.Outcome.valueOf(rs.getString(4)), (Long) rs.getObject(5), rs.getString(6));
                        String compact = codec.encode(codec.decode(stored, header, ExplanationCodec.NO_FACTS), header);
                        if (codec.isCompact(compact)) {
                            update.setString(1, compact);
                            update.setLong(2, after);
                            update.addBatch();
                            rewritten++;
                        }
                    }
                }
                update.executeBatch();
                seen += rows;
                if (rows < BATCH) {
                    break;
                }
                if (seen % (BATCH * 50L) == 0) {
                    log.info("Compacting routing explanations: {} rows read, {} rewritten", seen, rewritten);
                }
            }
        }
        log.info("Compacted routing explanations: {} rows read, {} rewritten", seen, rewritten);
        return rewritten;
    }
}
