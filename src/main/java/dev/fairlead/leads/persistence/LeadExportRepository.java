package dev.fairlead.leads.persistence;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.LeadExportRow;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lead list for an export: the list's own scope and filter ({@link LeadRepository#LIST_WHERE}),
 * read through a cursor ({@value #FETCH_SIZE} rows a round trip) so no list of all rows is built.
 * Must run in a transaction (PostgreSQL keeps a cursor open only inside one).
 */
@Repository
public class LeadExportRepository {

    static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;

    LeadExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count(Viewer viewer, LeadRepository.Filter filter) {
        return jdbc.sql("SELECT count(*) FROM lead l" + LeadRepository.LIST_WHERE)
                .params(LeadRepository.listParams(viewer, filter)).query(Long.class).single();
    }

    public void forEach(Viewer viewer, LeadRepository.Filter filter, int limit, Consumer<? super LeadExportRow> row) {
        try (Stream<LeadExportRow> rows = jdbc.sql(LeadRepository.SELECT_VISIBLE.replace(" AS owner_name,",
                                " AS owner_name, t.name AS team_name,")
                        + " LEFT JOIN team t ON t.id = l.owner_team_id"
                        + LeadRepository.LIST_WHERE + " ORDER BY " + LeadRepository.LIST_ORDER + " LIMIT :limit")
                .withFetchSize(FETCH_SIZE)
                .params(LeadRepository.listParams(viewer, filter))
                .param("limit", limit)
                .query((rs, n) -> new LeadExportRow(LeadRepository.visibleLead(rs, n), rs.getString("team_name")))
                .stream()) {
            rows.forEach(row);
        }
    }
}
