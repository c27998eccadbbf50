package dev.fairlead.org.persistence;

import dev.fairlead.org.Contact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ContactRepository {

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> rep(long repId) {
        return jdbc.sql("""
                        SELECT u.id AS user_id, coalesce(u.display_name, r.name) AS name, coalesce(u.email, r.email) AS email,
                               coalesce(u.locale, 'zh-CN') AS locale, r.id AS rep_id, r.team_id
                        FROM rep r LEFT JOIN app_user u ON u.rep_id = r.id AND u.enabled
                        WHERE r.id = :rep
                        """)
                .param("rep", repId).query(ContactRepository::contact).optional();
    }

    public List<Contact> nearestManagers(long teamId) {
        return jdbc.sql("""
                        WITH RECURSIVE up(id, parent_id, depth) AS (
                            SELECT id, parent_id, 0 FROM team WHERE id = :team
                            UNION ALL
                            SELECT t.id, t.parent_id, up.depth + 1 FROM team t JOIN up ON t.id = up.parent_id
                        ), managers AS (
                            SELECT u.id AS user_id, u.display_name AS name, u.email, u.locale, NULL::bigint AS rep_id,
                                   u.team_id, up.depth
                            FROM up JOIN app_user u ON u.team_id = up.id AND u.role = 'MANAGER' AND u.enabled
                        )
                        SELECT * FROM managers WHERE depth = (SELECT min(depth) FROM managers) ORDER BY user_id
                        """)
                .param("team", teamId).query(ContactRepository::contact).list();
    }

    public List<Contact> directors() {
        return jdbc.sql("""
                        SELECT id AS user_id, display_name AS name, email, locale, NULL::bigint AS rep_id, team_id
                        FROM app_user WHERE role = 'DIRECTOR' AND enabled ORDER BY id
                        """)
                .query(ContactRepository::contact).list();
    }

    public Optional<Contact> user(long userId) {
        return jdbc.sql("""
                        SELECT u.id AS user_id, u.display_name AS name, u.email, u.locale, u.rep_id,
                               coalesce(u.team_id, r.team_id) AS team_id
                        FROM app_user u LEFT JOIN rep r ON r.id = u.rep_id WHERE u.id = :id
                        """)
                .param("id", userId).query(ContactRepository::contact).optional();
    }

    private static Contact contact(ResultSet rs, int n) throws SQLException {
        return new Contact((Long) rs.getObject("user_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("locale"), (Long) rs.getObject("rep_id"), (Long) rs.getObject("team_id"));
    }
}
