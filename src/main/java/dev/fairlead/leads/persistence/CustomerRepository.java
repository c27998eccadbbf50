package dev.fairlead.leads.persistence;

import dev.fairlead.common.UnitPeriod;
import dev.fairlead.common.UnitPeriodSql;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Customer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

    public record NewCustomer(String name, String companyKey, String contactName, String phone, String email, Long leadId,
            Long ownerRepId, Long ownerTeamId, Instant createdAt) {}

    private static final String SELECT = "SELECT c.*, r.name AS owner_name FROM customer c LEFT JOIN rep r ON r.id = c.owner_rep_id";
    private static final String SCOPE = "(:all OR c.owner_team_id IN (SELECT team_subtree(:scopeTeam)) OR c.owner_rep_id = :scopeRep)";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewCustomer c) {
        return jdbc.sql("""
                        INSERT INTO customer (name, company_key, contact_name, phone, email, lead_id, owner_rep_id, owner_team_id, created_at)
                        VALUES (:name, :key, :contact, :phone, :email, :lead, :rep, :team, :at) RETURNING id
                        """)
                .param("name", c.name()).param("key", c.companyKey()).param("contact", c.contactName())
                .param("phone", c.phone()).param("email", c.email()).param("lead", c.leadId())
                .param("rep", c.ownerRepId()).param("team", c.ownerTeamId()).param("at", Timestamp.from(c.createdAt()))
                .query(Long.class).single();
    }

    public Optional<Customer> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(CustomerRepository::customer).optional();
    }

    public Optional<Customer> findByCompanyKey(String key) {
        return jdbc.sql(SELECT + " WHERE c.company_key = :key").param("key", key).query(CustomerRepository::customer).optional();
    }

    public Optional<Customer> findVisible(Viewer viewer, long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id AND " + SCOPE).params(LeadRepository.scope(viewer)).param("id", id)
                .query(CustomerRepository::customer).optional();
    }

    public List<Customer> findVisible(Viewer viewer, String text, int limit) {
        return jdbc.sql(SELECT + " WHERE " + SCOPE
                        + " AND (CAST(:text AS text) IS NULL OR c.name ILIKE '%' || :text || '%') ORDER BY c.created_at DESC LIMIT :limit")
                .params(LeadRepository.scope(viewer))
                .param("text", text == null || text.isBlank() ? null : text.trim())
                .param("limit", limit)
                .query(CustomerRepository::customer).list();
    }

    public Map<String, Long> countNew(List<UnitPeriod> windows, ZoneId zone) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT w.key, count(c.id) AS n FROM " + UnitPeriodSql.WINDOWS
                        + " LEFT JOIN customer c ON c.created_at >= w.t_from AND c.created_at < w.t_until AND "
                        + UnitPeriodSql.inUnit("c.owner_rep_id", "c.owner_team_id") + " GROUP BY w.key")
                .params(UnitPeriodSql.params(windows, zone))
                .query(rs -> {
                    counts.put(rs.getString("key"), rs.getLong("n"));
                });
        return counts;
    }

    static Customer customer(ResultSet rs, int n) throws SQLException {
        return new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("contact_name"), rs.getString("phone"),
                rs.getString("email"), (Long) rs.getObject("lead_id"), (Long) rs.getObject("owner_rep_id"),
                rs.getString("owner_name"), (Long) rs.getObject("owner_team_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }
}
