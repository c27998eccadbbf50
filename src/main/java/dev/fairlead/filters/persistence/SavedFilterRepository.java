package dev.fairlead.filters.persistence;

import dev.fairlead.filters.FilteredList;
import dev.fairlead.filters.SavedFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code saved_filter}; every statement is limited to one user's rows. */
@Repository
public class SavedFilterRepository {

    private final JdbcClient jdbc;

    SavedFilterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedFilter> ofUser(long userId, FilteredList list) {
        return jdbc.sql("""
                        SELECT * FROM saved_filter WHERE user_id = :user AND (CAST(:list AS text) IS NULL OR list_name = :list)
                        ORDER BY list_name, lower(name), id
                        """)
                .param("user", userId).param("list", list == null ? null : list.name())
                .query(SavedFilterRepository::filter).list();
    }

    public Optional<SavedFilter> find(long userId, long id) {
        return jdbc.sql("SELECT * FROM saved_filter WHERE id = :id AND user_id = :user").param("id", id).param("user", userId)
                .query(SavedFilterRepository::filter).optional();
    }

    public boolean exists(long userId, FilteredList list, String name) {
        return jdbc.sql("SELECT count(*) FROM saved_filter WHERE user_id = :user AND list_name = :list AND lower(name) = lower(:name)")
                .param("user", userId).param("list", list.name()).param("name", name).query(Long.class).single() > 0;
    }

    public long insert(long userId, FilteredList list, String name, String query, Instant at) {
        return jdbc.sql("""
                        INSERT INTO saved_filter (user_id, list_name, name, query, created_at)
                        VALUES (:user, :list, :name, :query, :at) RETURNING id
                        """)
                .param("user", userId).param("list", list.name()).param("name", name).param("query", query)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    public void delete(long userId, long id) {
        jdbc.sql("DELETE FROM saved_filter WHERE id = :id AND user_id = :user").param("id", id).param("user", userId).update();
    }

    private static SavedFilter filter(ResultSet rs, int n) throws SQLException {
        return new SavedFilter(rs.getLong("id"), FilteredList.valueOf(rs.getString("list_name")), rs.getString("name"),
                rs.getString("query"), rs.getTimestamp("created_at").toInstant());
    }
}
