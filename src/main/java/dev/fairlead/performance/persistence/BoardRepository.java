package dev.fairlead.performance.persistence;

import dev.fairlead.performance.BoardKind;
import dev.fairlead.performance.BoardMeasure;
import dev.fairlead.performance.BoardVisibility;
import dev.fairlead.performance.DisplayMode;
import dev.fairlead.performance.Leaderboard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Leaderboard configurations, and each board's salt for its pseudonyms (never leaves the server). */
@Repository
public class BoardRepository {

    private final JdbcClient jdbc;

    BoardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Leaderboard> list() {
        return jdbc.sql("SELECT * FROM leaderboard ORDER BY position").query(BoardRepository::board).list();
    }

    public Optional<Leaderboard> find(BoardKind kind) {
        return jdbc.sql("SELECT * FROM leaderboard WHERE kind = :kind").param("kind", kind.name()).query(BoardRepository::board).optional();
    }

    public String salt(BoardKind kind) {
        return jdbc.sql("SELECT salt FROM leaderboard WHERE kind = :kind").param("kind", kind.name()).query(String.class).single();
    }

    /** Changes a board's configuration if {@code version} (when given) is still the stored one; false when it is not. */
    public boolean update(BoardKind kind, DisplayMode mode, BoardVisibility visibility, BoardMeasure measure, boolean enabled, Integer version,
            String actor, Instant at) {
        return jdbc.sql("""
                        UPDATE leaderboard SET display_mode = :mode, visibility = :visibility, measure = :measure, enabled = :enabled,
                               row_version = row_version + 1, updated_by = :actor, updated_at = :at
                        WHERE kind = :kind AND (CAST(:version AS integer) IS NULL OR row_version = :version)
                        """)
                .param("mode", mode.name()).param("visibility", visibility.name()).param("measure", measure == null ? null : measure.name())
                .param("enabled", enabled).param("version", version).param("actor", actor).param("at", Timestamp.from(at))
                .param("kind", kind.name()).update() == 1;
    }

    private static Leaderboard board(ResultSet rs, int n) throws SQLException {
        String measure = rs.getString("measure");
        return new Leaderboard(BoardKind.valueOf(rs.getString("kind")), measure == null ? null : BoardMeasure.valueOf(measure),
                DisplayMode.valueOf(rs.getString("display_mode")), BoardVisibility.valueOf(rs.getString("visibility")), rs.getBoolean("enabled"),
                rs.getInt("row_version"), rs.getString("updated_by"), PointsRepository.instant(rs, "updated_at"));
    }
}
