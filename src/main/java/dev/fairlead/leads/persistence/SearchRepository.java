package dev.fairlead.leads.persistence;

import dev.fairlead.common.SearchTerms;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Customer;
import dev.fairlead.leads.LeadMatch;
import dev.fairlead.leads.LeadStatus;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leads and customers by name, company, e-mail or phone digits, within the viewer's scope (the
 * same scope clause as the lists). The substring matches use the trigram indexes of V65 where
 * pg_trgm is installed.
 */
@Repository
public class SearchRepository {

    /** A phone's digits, as the V65 expression indexes store them. */
    static final String PHONE_DIGITS = "regexp_replace(%s, '[^0-9]', '', 'g')";

    private static final String CUSTOMER_SCOPE =
            "(:all OR c.owner_team_id IN (SELECT team_subtree(:scopeTeam)) OR c.owner_rep_id = :scopeRep)";

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The text condition of a search over {@code alias}'s columns; {@code :pattern} and {@code :digits} are its parameters. */
    static String matches(String alias, String... textColumns) {
        StringBuilder sql = new StringBuilder("(");
        for (String column : textColumns) {
            sql.append(alias).append('.').append(column).append(" ILIKE :pattern OR ");
        }
        return sql.append("(CAST(:digits AS text) IS NOT NULL AND ").append(PHONE_DIGITS.formatted(alias + ".phone"))
                .append(" LIKE :digits))").toString();
    }

    public List<LeadMatch> leads(Viewer viewer, SearchTerms terms, int limit) {
        return jdbc.sql("SELECT l.id, l.contact_name, l.company, l.status, l.pool_id, r.name AS owner_name"
                        + " FROM lead l LEFT JOIN rep r ON r.id = l.owner_rep_id WHERE " + LeadRepository.SCOPE
                        + " AND " + matches("l", "contact_name", "company", "email")
                        + " ORDER BY l.created_at DESC, l.id DESC LIMIT :limit")
                .params(LeadRepository.scope(viewer))
                .param("pattern", terms.pattern()).param("digits", terms.digitsPattern()).param("limit", limit)
                .query((rs, n) -> new LeadMatch(rs.getLong("id"), rs.getString("contact_name"), rs.getString("company"),
                        LeadStatus.valueOf(rs.getString("status")), rs.getString("owner_name"), rs.getObject("pool_id") != null))
                .list();
    }

    public List<Customer> customers(Viewer viewer, SearchTerms terms, int limit) {
        return jdbc.sql("SELECT c.*, r.name AS owner_name FROM customer c LEFT JOIN rep r ON r.id = c.owner_rep_id WHERE "
                        + CUSTOMER_SCOPE + " AND " + matches("c", "name", "contact_name", "email")
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
                .params(LeadRepository.scope(viewer))
                .param("pattern", terms.pattern()).param("digits", terms.digitsPattern()).param("limit", limit)
                .query(CustomerRepository::customer).list();
    }
}
